import { createHash } from 'node:crypto'
import { pinyin } from 'pinyin-pro'
import { shortenPlace } from './load-divisions.ts'

/** Conventional spellings where plain pinyin would collide: 陕西 and 山西 are both shanxi. */
const spellings: Record<string, string> = { 陕西省: 'shaanxi' }
const filler = /[和与及的]/g

/**
 * A stable ASCII id: `${year}-${place}-${body}`, place in toneless pinyin without suffixes (tianjin-wuqing), body in
 * initials (政务服务办 → zwfwb), omitted for a place's own government. Unknown year → `undated`; no place (and not a
 * central body) → a short hash of the name or text, so two reports of 市司法局 do not collide.
 *
 * @example makeId({ year: 2022, region: ['天津市'], body: '政务服务办', national: false, fallback: '…' }) // '2022-tianjin-zwfwb'
 */
export function makeId(input: {
  year: number | null
  region: string[]
  body: string | null
  /** A central body (司法部): no region is expected, so no hash is needed either. */
  national: boolean
  fallback: string
}): string {
  const parts = [input.year === null ? 'undated' : String(input.year)]
  parts.push(...input.region.map(spellPlace))
  if (input.body) parts.push(initials(input.body))
  if (input.region.length === 0 && !(input.national && input.body)) parts.push(shortHash(input.fallback))
  return slug(parts.join('-'))
}

function spellPlace(name: string): string {
  const known = spellings[name]
  if (known) return known
  const bare = name.length <= 2 ? name : (shortenPlace(name) ?? name)
  return pinyin(bare, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).join('')
}

function initials(body: string): string {
  const text = body.replace(filler, '').slice(0, 16)
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
