import type { Level, Section } from '../../types.ts'
import { isBodyName, isWebsiteName } from './body-patterns.ts'
import { centralPrefixLength, readCentralBody } from './central-bodies.ts'
import { findReportSentence } from './find-report-sentence.ts'
import { findSelfTownship } from './find-self-township.ts'
import { matchPlaces } from './match-places.ts'
import { isDateLine } from './parse-date.ts'
import { toSimplified } from './to-simplified.ts'

/** Every place in a report that may name its author, in simplified characters. */
export interface AgencyEvidence {
  /** Body names from the page's 发文机关 / 来源 / 信息来源 … fields, most trusted first; websites left out. */
  fields: string[]
  /** The signature line(s) of the closing, joined by a space (joint reports sign twice). */
  signature: string | null
  /** What the title puts before the year or 关于: 市政务服务办, 某某县人民政府, 中共某某市委 某某市人民政府. */
  titlePrefix: string | null
  /** The subject of the preamble's first sentence when it is a name: 武清区 in 2020年,武清区坚持…. */
  preambleSubject: string | null
  /** How the preamble's first sentence names the author, generic forms included (区政府, 自治区生态环境厅, 盟行署): for `short` only. */
  selfName: string | null
  /** The level implied by how the report refers to itself (我局 → department, 我区 → county), or null. */
  selfLevel: Level | null
  /** The body a `现将…报告如下` sentence names: 江门市司法局 in 现将江门市司法局2021年度法治政府建设报告如下. */
  reportSentence: string | null
  /** The level of the area the opening speaks for (全省 → province, 全县 → county), weaker than `selfLevel`. */
  areaLevel: Level | null
  /** How the opening refers to itself (我局, 本镇), or null. */
  selfWord: string | null
  /** The report's own township named in the text when it calls itself 我镇 / 我街 (黄石街 → 黄石街道), or null. */
  selfTownship: string | null
}

/** Field labels naming a body, most trusted first. */
export const agencyFieldLabels = [
  '机构', '发文机关', '发文机构', '发文单位', '发布机构', '发布单位', '所属机构', '来源单位', '来源', '信息来源', '稿件来源', '文章来源',
  '主办单位',
]

const yearLead = /^\s*(?:(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年(?:度)?(?:以来|来)?|今年以来|近年来|一年来|过去一年|过去的一年|去年)[，,、\s]*/
const yearToken = /[（(]?\s*(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年(?:度)?\s*[）)]?/g
const titleStop = /关于|法治政府|法治建设|依法行政|法治工作|推进法治|建设法治|法治[\u4e00-\u9fa5]{0,2}报告|年度报告|工作报告|情况报告/
const verbStart =
  /^(?:坚持|深入|全面|认真|紧紧|始终|以|在|围绕|紧扣|持续|扎实|按照|根据|高度|积极|牢固|聚焦|立足|严格|不断|切实|大力|着力|贯彻|把|将|对|的|法治|各级|上下|共|按|进一步|结合|统筹|落实|推进|加强|强化|完善|召开|制定|出台|印发|开展|成立|健全|$|[^\u4e00-\u9fa5])/
const bodyAfterPlace =
  /^[\u4e00-\u9fa5]{0,16}?(?:人民政府办公室|人民政府办公厅|人民政府|政府|街道办事处|办事处|管理委员会|管委会|委员会|办公室|办公厅|(?:高新区|开发区|新区|园区)(?:管委会|管理委员会)?|局|厅|办|委|中心|院|署)/
// 区政府 before 区政府在市委…领导下: a government's own short form is tried before a department's.
const genericSubject = /^[省市区县](?:人民政府|政府|[\u4e00-\u9fa5]{1,14}?(?:局|办|委|厅|中心|管委会|办公室))/
// The author named by its level alone: 区政府, 州人民政府, 自治区生态环境厅, 盟行署, 市司法局.
const levelSubject = /^(?:自治区|自治州|自治县|自治旗|地区|省|市|区|县|旗|盟|州)(?:人民政府|政府|行署|行政公署|[\u4e00-\u9fa5]{1,14}?(?:局|办|委|厅|中心|管委会|办公室))/
const selfReference = /[我本](局|办|委|厅|中心|院|署|区|县|市|省|镇|乡|街道|街)(?![\u4e00-\u9fa5]?[长任])/
const selfLevels: Record<string, Level> = {
  局: 'department', 办: 'department', 委: 'department', 厅: 'department', 中心: 'department', 院: 'department',
  署: 'department', 区: 'county', 县: 'county', 市: 'city', 省: 'province', 镇: 'township', 乡: 'township',
  街道: 'township', 街: 'township',
}

/** Gather the names a report gives for its author from fields, closing signature, title and preamble. */
export function collectAgencyEvidence(input: {
  title: string | null
  fields: Record<string, string>
  sections: Section[]
  text: string
}): AgencyEvidence {
  const preamble = firstPreambleParagraph(input.sections, input.text, input.title)
  const opening = openingText(input.sections, input.text, input.title)
  const preambleSubject = findOpeningSubject(opening)
  const selfWord = selfReference.exec(opening)?.[1] ?? null
  return {
    fields: agencyFieldLabels
      .map((label) => cleanFieldValue(input.fields[label]))
      .filter((value): value is string => value !== null && isBodyName(value) && !isWebsiteName(value) && !internalUnit.test(value)),
    signature: findSignature(input.sections, input.text),
    titlePrefix: input.title === null ? null : findTitlePrefix(input.title),
    preambleSubject,
    selfName: preambleSubject ?? (preamble === null ? null : levelSubject.exec(toSimplified(preamble).replace(yearLead, ''))?.[0] ?? null),
    selfLevel: selfWord === null ? null : (selfLevels[selfWord] ?? null),
    selfWord: selfReference.exec(opening)?.[0] ?? null,
    reportSentence: findReportSentence(opening),
    areaLevel: areaLevels[areaReference.exec(opening)?.[1] ?? ''] ?? null,
    selfTownship: selfWord !== null && /^(?:镇|乡|街|街道)$/.test(selfWord) ? findSelfTownship(toSimplified(input.text), selfWord) : null,
  }
}

// 厅法规处, 局办公室: the unit inside a body that drafted or posted the page, not the reporting body.
const internalUnit = /^(?:厅|局|委|部|处|办)[\u4e00-\u9fa5]{1,8}$|^[\u4e00-\u9fa5]{2,6}(?:处|科|股)$/
const areaReference = /全(省|自治区|市|州|盟|县|区|旗)(?!委|政府|人大|政协)/
const areaLevels: Record<string, Level> = { 省: 'province', 自治区: 'province', 市: 'city', 州: 'city', 盟: 'city', 县: 'county', 区: 'county', 旗: 'county' }
// Clauses before the subject: 在市委、市政府的坚强领导下，/ 在…新征程上，/ 根据…，/ 按照…，
const leadClause = /^(?:在[^。；]{1,80}?(?:下|上|中|指导)[，,]|(?:根据|按照|为)[^。；，,]{1,80}[，,])/
const selfStart = /^(?:我|本)(?:局|办|委|厅|中心|院|署|区|县|市|省|镇|乡|街道|街)/

/**
 * The subject of the opening's first sentences that names a body: 2019年，南昌县全面贯彻… / 在市委的领导下，密云区政府… /
 * 原环境保护部深入学习… Sentences that name no body (2020年是…收官之年) are passed over; a self-reference (我市) stops the search.
 */
function findOpeningSubject(opening: string): string | null {
  const sentences = toSimplified(opening).split(/[。；\n]/).slice(0, 4)
  for (const sentence of sentences) {
    let text = sentence.trim().replace(yearLead, '')
    for (let clause = leadClause.exec(text); clause !== null; clause = leadClause.exec(text)) {
      text = text.slice(clause[0].length).replace(yearLead, '')
    }
    if (selfStart.test(text)) return null
    const central = readCentralBody(text)
    if (central !== null) return central.name
    // 国家税务总局齐齐哈尔市税务局坚持…: a central body's local office, named by the central body and its place.
    const prefix = centralPrefixLength(text)
    const local = prefix > 0 ? findPreambleSubject(text.slice(prefix)) : null
    if (local !== null && isBodyName(local)) return text.slice(0, prefix) + local
    const subject = findPreambleSubject(text)
    if (subject !== null) return subject
  }
  return null
}

/** The first paragraphs of the report (title and addressee lines left out), where it names itself. */
function openingText(sections: Section[], text: string, title: string | null): string {
  const preamble = sections.find((section) => section.kind === 'preamble')
  const paragraphs = (preamble?.paragraphs ?? []).map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '' && !addressee.test(paragraph))
  if (paragraphs.length > 0) return paragraphs.slice(0, 2).join('\n')
  return splitLines(text).filter((line) => line !== title?.trim()).slice(0, 2).join('\n')
}

/** A field's value in simplified characters, cut before a following `label：` that a page ran into it. */
export function cleanFieldValue(value: string | undefined): string | null {
  if (value === undefined) return null
  const cut = value.split(/\s+(?=[\u4e00-\u9fa5]{2,6}\s*[:：])/)[0] ?? ''
  const cleaned = toSimplified(cut.replace(/^[\s:：]+/, '').trim())
  return cleaned === '' ? null : cleaned
}

/** The part of a title naming its author, or null when the title names none. */
export function findTitlePrefix(title: string): string | null {
  const text = toSimplified(title).replace(/\s+/g, ' ').trim().replace(/^[【\[][^】\]]*[】\]]\s*/, '').replace(/^关于/, '').replace(yearToken, '')
  const stop = titleStop.exec(text)
  if (!stop || stop.index === 0) return null
  const prefix = text.slice(0, stop.index).replace(/[的在、，,：:\s]+$/, '').trim()
  return isBodyName(prefix) ? prefix : null
}

function findSignature(sections: Section[], text: string): string | null {
  const closing = flatten(sections).filter((section) => section.kind === 'closing')
  // An attachment list (附件：1.… 2.…) may follow the signature in the closing.
  const lines = closing.flatMap((section) => [section.heading ?? '', ...section.paragraphs]).flatMap(splitLines)
    .filter((line) => !/^(?:附件|\d{1,2}\s*[.、．])/.test(line))
  const fromClosing = signatureBefore(lines, lines.length)
  if (fromClosing) return fromClosing
  // The closing may not have been recognised: look for a name followed by a date among the last lines.
  const tail = splitLines(text).slice(-5)
  const dateIndex = tail.findLastIndex((line) => isDateLine(line))
  return dateIndex > 0 ? signatureBefore(tail, dateIndex) : null
}

function signatureBefore(lines: string[], end: number): string | null {
  const names: string[] = []
  for (let index = end - 1; index >= 0 && names.length < 3; index -= 1) {
    const line = toSimplified(lines[index] ?? '')
      .replace(/\s*(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年.*日\s*$/, '')
      .trim()
    if (line === '' || isDateLine(line)) {
      if (names.length > 0) break
      continue
    }
    if (!isBodyName(line)) break
    names.unshift(line)
  }
  return names.length > 0 ? names.join(' ') : null
}

function findPreambleSubject(paragraph: string): string | null {
  const text = toSimplified(paragraph).replace(yearLead, '')
  const places = matchPlaces(text)
  if (places.end > 0 && places.candidates.length + (places.township ? 1 : 0) > 0) {
    const after = text.slice(places.end)
    const body = verbStart.test(after) ? '' : (bodyAfterPlace.exec(after)?.[0] ?? '')
    // 云南省委、省政府坚持…: a joint Party–government subject.
    const government = /委$/.test(body) ? (/^、?(?:[省市区县州旗]|[\u4e00-\u9fa5]{2,12}?)(?:人民政府|政府)/.exec(after.slice(body.length))?.[0] ?? '') : ''
    return text.slice(0, places.end) + body + government
  }
  const generic = genericSubject.exec(text)
  return generic ? generic[0] : null
}

// 市人民政府： above the opening names the body reported to, not the author.
const addressee = /^[^。，,]{2,40}[:：]$/

function firstPreambleParagraph(sections: Section[], text: string, title: string | null): string | null {
  const preamble = sections.find((section) => section.kind === 'preamble')
  const fromSection = preamble?.paragraphs.find((paragraph) => paragraph.trim() !== '' && !addressee.test(paragraph.trim()))
  if (fromSection) return fromSection.trim()
  const lines = splitLines(text)
  const first = lines.find((line) => line !== title?.trim())
  return first ?? null
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)])
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}
