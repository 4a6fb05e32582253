import { pinyin } from 'pinyin-pro'
import { loadDivisions, type Place } from './load-divisions.ts'

/** What a report's address says about its place: the division its government host names, or nothing. */
export interface HostPlace {
  /** The division the host names in full pinyin (zhengzhou → 郑州市) or a province by its initials (sc → 四川省). */
  place: Place | null
  /** Divisions whose name has the host label's initials (sz → 深圳市, 苏州市…): evidence only beside the text's own. */
  byInitials: Place[]
}

const none: HostPlace = { place: null, byInitials: [] }
let index: { full: Map<string, Place[]>; initials: Map<string, Place[]> } | null = null

/**
 * Read the place from a government host (`*.gov.cn`): a label that is a division's name in pinyin
 * (`zzrs.zhengzhou.gov.cn` → 郑州市, `henan.gov.cn` → 河南省), or a province's initials right before `gov.cn`
 * (`www.sc.gov.cn` → 四川省). Other hosts (mirrors, aggregators) are never evidence.
 *
 * @example placeFromHost('http://sfj.yingtan.gov.cn/art/1.html').place?.name // '鹰潭市'
 */
export function placeFromHost(url: string | null | undefined): HostPlace {
  const host = hostOf(url)
  if (host === null || !/\.gov\.cn$/.test(host)) return none
  const labels = host.replace(/\.gov\.cn$/, '').split('.').filter((label) => !/^(?:www|m|wap|zwgk|xxgk)$/.test(label))
  const { full, initials } = pinyinIndex()
  // The label nearest gov.cn names the site's own place; labels before it name a part of it.
  for (const label of [...labels].reverse()) {
    const named = unique(full.get(label) ?? [])
    if (named !== null) return { place: named, byInitials: [] }
  }
  const top = labels.at(-1) ?? ''
  const province = unique((initials.get(top) ?? []).filter((place) => place.level === 'province'))
  if (province !== null) return { place: province, byInitials: [] }
  return { place: null, byInitials: initials.get(top) ?? [] }
}

/**
 * The place a website's name starts with (青岛政务网 → 青岛市): evidence for the place only, never for the body. Null
 * when the name names no single division.
 */
export function placeFromWebsite(name: string): HostPlace {
  const { byName, byShort } = loadDivisions()
  for (let length = Math.min(name.length - 1, 12); length >= 2; length--) {
    const head = name.slice(0, length)
    const named = unique(byName.get(head) ?? byShort.get(head) ?? [])
    if (named !== null) return { place: named, byInitials: [] }
  }
  return none
}

function hostOf(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return null
  }
}

// A pinyin shared by divisions names the one of highest level (henan: 河南省 over 河南蒙古族自治县), and none when
// two share that level (two 朝阳区).
function unique(places: Place[]): Place | null {
  const top = Math.min(...places.map((place) => place.path.length))
  const highest = places.filter((place) => place.path.length === top)
  return highest.length === 1 ? (highest[0] ?? null) : null
}

/** Every division by the toneless pinyin of its short name and by its initials, built once. */
function pinyinIndex(): { full: Map<string, Place[]>; initials: Map<string, Place[]> } {
  if (index !== null) return index
  const full = new Map<string, Place[]>()
  const initials = new Map<string, Place[]>()
  const add = (map: Map<string, Place[]>, key: string, place: Place): void => {
    if (key.length >= 2) map.set(key, [...(map.get(key) ?? []), place])
  }
  for (const place of loadDivisions().places) {
    const name = place.short ?? place.name
    const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true })
    add(full, syllables.join(''), place)
    add(initials, syllables.map((syllable) => syllable[0] ?? '').join(''), place)
  }
  index = { full, initials }
  return index
}
