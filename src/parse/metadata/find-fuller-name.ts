import { isShortFor } from './find-agency.ts'
import { matchPlaces } from './match-places.ts'

// A body's name as the text writes it: a place or level word, then up to 20 characters, ending like a body.
const writtenName = /[\u4e00-\u9fa5]{2,30}?(?:人民政府|局|厅|委员会|办公室|管理委员会|中心)/g

/**
 * The fullest name the text writes for the same body, when the evidence gave a partial one: 郑州市人力资源和社会保障局
 * for 市人力资源和社会保障局, 杭州市市场监督管理局 for 杭州市市场监管局. The name itself when the text has none fuller.
 */
export function findFullerName(name: string, text: string): string {
  if (/[\s、]/.test(name) || !/(?:局|厅|委|办|中心)$/.test(name)) return name
  let best = expandDepartment(name)
  for (const match of text.matchAll(writtenName)) {
    // The match may start with words before the name (根据郑州市…): try each start.
    const written = match[0]
    for (let start = 0; start < written.length - 2; start++) {
      const candidate = written.slice(start)
      if (candidate.length > best.length && candidate.length <= 30 && isShortFor(name, candidate) && startsWithPlace(candidate, name)) {
        best = candidate
        break
      }
    }
  }
  return best
}

// The usual short forms of local departments' names (国务院 department names are in central-bodies.ts).
const departmentShortForms: [RegExp, string][] = [
  [/市场监管局$/, '市场监督管理局'], [/人社局$/, '人力资源和社会保障局'], [/人力资源社会保障局$/, '人力资源和社会保障局'],
  [/卫生健康委$|卫健委$/, '卫生健康委员会'], [/发展改革委$|发改委$/, '发展和改革委员会'], [/住房城乡建设局$|住建局$/, '住房和城乡建设局'],
  [/住房城乡建设厅$|住建厅$/, '住房和城乡建设厅'], [/人力资源社会保障厅$|人社厅$/, '人力资源和社会保障厅'], [/教委$/, '教育委员会'],
  [/民宗委$/, '民族宗教事务委员会'], [/国资委$/, '国有资产监督管理委员会'],
]

/** A department's name with its usual short ending written in full: 杭州市市场监管局 → 杭州市市场监督管理局. */
export function expandDepartment(name: string): string {
  for (const [short, full] of departmentShortForms) if (short.test(name)) return name.replace(short, full)
  return name
}

// The fuller name must start with a place: the partial one's (杭州市…), or one of the level it wrote alone (市… → 郑州市…).
function startsWithPlace(candidate: string, name: string): boolean {
  const places = matchPlaces(candidate)
  const [place] = places.candidates
  if (places.end === 0 || place === undefined) return false
  const level = /^(?:自治区|省|市|区|县|州|旗)/.exec(name)?.[0]
  if (level !== undefined) return place.name.endsWith(level) && candidate.slice(places.end) === name.slice(level.length)
  return candidate.startsWith(name.slice(0, 2))
}
