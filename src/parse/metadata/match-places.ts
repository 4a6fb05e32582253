import { loadDivisions, type Place } from './load-divisions.ts'

/** The administrative divisions a name starts with, e.g. 天津市武清区 in 天津市武清区人民政府. */
export interface PlaceMatch {
  /** Candidates for the deepest division matched (several when the name is ambiguous, as 朝阳区 is), else empty. */
  candidates: Place[]
  /** Township, town or subdistrict (镇/乡/街道) named right after them, as written, or null. */
  township: string | null
  /** Number of characters of the name the places (and township) take up. */
  end: number
}

// A short form (武清, 滨海) counts only where a body or the end of the name follows, so ordinary words are not taken.
// A zone's own name may sit between them: 武汉东湖新技术开发区 is a zone of 武汉市.
const afterShort =
  /^(?:$|[^\u4e00-\u9fa5]|人民政府|政府|行政公署|[省市区县州旗]委|党委|党工委|高新|经济技术开发|经开|开发区|管委会|工业园|园区|新区|自贸|综合保税|[\u4e00-\u9fa5]{1,4}(?:新技术|高新技术|经济技术)?(?:产业)?开发区)/
// A township name ends the name, or is followed by its body, or (in a preamble) by the verb of the sentence.
const township =
  /^([\u4e00-\u9fa5]{1,8}?(?:镇|乡|街道))(?=人民政府|政府|办事处|街道办事处|党委|党工委|$|[\s、，,]|坚持|深入|全面|认真|始终|围绕|紧扣|持续|扎实|按照|根据|聚焦|立足|以习近平|在|法治|依法)/

/**
 * Read the divisions a body's name starts with, from province down, each one inside the one before.
 *
 * @example matchPlaces('天津市武清区人民政府').candidates[0]?.path // ['天津市', '武清区']
 */
export function matchPlaces(name: string): PlaceMatch {
  const divisions = loadDivisions()
  let candidates: Place[] = []
  let position = 0
  for (;;) {
    const found = matchNext(name, position, candidates, divisions.byName, divisions.byShort, divisions.longest)
    if (!found) break
    candidates = found.places
    position += found.length
  }
  // 某某区人民政府某某街道办事处: the township may follow its county's government.
  const skip = /^人民政府(?=[\u4e00-\u9fa5]{1,8}?街道办事处$)/.exec(name.slice(position))?.[0].length ?? 0
  position += candidates.length > 0 ? skip : 0
  const town = township.exec(name.slice(position))
  const townName = town?.[1] ?? null
  // A township needs a place before it, or a name that is only the township; otherwise 城乡 in 住房和城乡建设局 would count.
  if (townName && (candidates.length > 0 || position === 0)) {
    return { candidates, township: townName, end: position + townName.length }
  }
  return { candidates, township: null, end: position }
}

function matchNext(
  name: string,
  position: number,
  current: Place[],
  byName: Map<string, Place[]>,
  byShort: Map<string, Place[]>,
  longest: number,
): { places: Place[]; length: number } | null {
  for (let length = Math.min(longest, name.length - position); length >= 2; length -= 1) {
    const piece = name.slice(position, position + length)
    const full = (byName.get(piece) ?? []).filter((place) => isBelow(place, current))
    if (full.length > 0) return { places: full, length }
    const rest = name.slice(position + length)
    const short = (byShort.get(piece) ?? []).filter(
      (place) => isBelow(place, current) && (place.level === 'province' || afterShort.test(rest)),
    )
    if (short.length > 0) return { places: short, length }
  }
  return null
}

function isBelow(place: Place, current: Place[]): boolean {
  if (current.length === 0) return true
  return current.some(
    (parent) =>
      place.path.length > parent.path.length && parent.path.every((segment, index) => place.path[index] === segment),
  )
}
