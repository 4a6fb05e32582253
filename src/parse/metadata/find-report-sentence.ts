import { isBodyName } from './body-patterns.ts'
import { readCentralBody } from './central-bodies.ts'
import { matchPlaces } from './match-places.ts'
import { toSimplified } from './to-simplified.ts'

const selfStart = /^(?:我|本)(?:局|办|委|厅|中心|院|署|区|县|市|省|镇|乡|街道|街)/
// 现将江门市司法局2021年度法治政府建设报告如下 / 现将省政府2021年度… / 現將2018年上海市法治政府建設情況的報告公開如下.
const reportSentence = /现[将就](?:(?:19|20)\d{2}\s*年度?)?([\u4e00-\u9fa5]{2,30}?)(?:(?:19|20)\d{2}\s*年度?|关于|的)?(?:法治|依法|有关|主要)/

/**
 * The body a `现将…报告如下` sentence names, in simplified characters, or null when it names itself only as 我局/本年度.
 *
 * @example findReportSentence('现将江门市司法局2021年度法治政府建设报告如下。') // '江门市司法局'
 */
export function findReportSentence(opening: string): string | null {
  const name = reportSentence.exec(toSimplified(opening))?.[1] ?? null
  if (name === null || selfStart.test(name) || /^(?:本|全|我|有关|年度)/.test(name)) return null
  const central = readCentralBody(name)
  if (central !== null) return central.length === name.length ? central.name : null
  if (isBodyName(name)) return name
  // A bare place (上海市) names its government.
  const places = matchPlaces(name)
  return places.end === name.length && places.candidates.length > 0 ? name : null
}

