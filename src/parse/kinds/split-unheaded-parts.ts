import type { SectionKind } from '../../types.ts'
import { emptySection } from '../sections/build-sections.ts'
import type { DraftParagraph, DraftSection } from '../sections/draft-section.ts'
import { namedKinds } from './classify-part.ts'
import { namesLeadershipDuty } from './names-leadership-duty.ts'
import { detectionText } from '../lines/detection-text.ts'

const shortcomingsIntro = [
  /(?:但|但是|然而|不过|同时)[^。]{0,40}(?:存在|还有|仍有|面临)[^。]{0,30}(?:问题|不足|差距|短板|薄弱|弱项)/,
  /^[^。]{0,30}(?:存在的?(?:主要)?(?:问题|不足)|主要问题|不足之处|薄弱环节)[^。]{0,10}(?:主要(?:是|有|表现)|表现(?:在|为)|如下|有以下)/,
  // A label and a colon opening the paragraph: 存在的问题：一是…, 问题和不足：…, 困难和问题：…
  /^(?:当前|目前)?(?:存在的?|面临的?)?(?:主要)?(?:问题|不足|困难|差距|短板|弱项|薄弱环节)(?:和|与|及|、)?(?:问题|不足|困难|差距|短板|弱项|原因|原因分析)?(?:之处)?\s*:/,
]
// A paragraph whose subject is the leaders themselves: 党政主要负责人…, 区委、区政府主要负责同志…
const leadersSubject = /^[^。,;]{0,12}(?:党政主要负责人|主要负责同志|主要负责人|第一责任人|党政主要领导)/
const plansLead = /^(?:下一步|下步|下一阶段|下一年度?|今后|明年|新的一年|来年|(\d{4})年度?)[^。]{0,100}(?:将|要|拟|计划|继续|着力)[^。]{0,120}(?:以下|如下|重点|做好|主要)/
// Without headings, a closing paragraph opening 下一步，我局将… or 2024年，我们将… is the plans part.
const plansOpening = /^(?:下一步|下步|下一阶段|今后|(\d{4})年度?)(?:工作中|工作)?,?[^。]{0,40}?(?:将|要|拟|计划|继续|着力)/
const plansNamed = /^[^。]{0,20}(?:下一步|下一年度|明年|今后)[^。]{0,10}(?:打算|计划|安排|思路|重点)/

/**
 * Where a report does not head its shortcomings or plans, split them off at the sentence that introduces them
 * ("…取得了一定成效，但也存在一些问题…", "下一步，我们将重点做好以下工作") as unheaded top-level sections; inside a
 * combined part (`二、存在问题和下一步工作打算`) the later kind becomes an unheaded sub-part instead. With no
 * achievements part, the preamble's paragraphs after the first become one; with no leadership part, the paragraphs
 * of an achievements part reporting the 第一责任人 duty become one. No character moves out of order.
 */
export function splitUnheadedParts(sections: DraftSection[], year: number | null): DraftSection[] {
  for (const section of sections) splitCombinedPart(section, year)
  let result = sections
  const has = (kind: SectionKind): boolean => hasKind(result, kind)
  if (!has('shortcomings')) result = splitAt(result, 'shortcomings', ['preamble', 'achievements', 'other'], isShortcomingsIntro)
  if (!has('plans')) result = splitAt(result, 'plans', ['preamble', 'achievements', 'other', 'shortcomings'], (sentence) => isPlansIntro(sentence, year))
  if (!has('plans')) result = splitFinalPlans(result, year)
  if (!has('achievements')) result = splitPreamble(result)
  if (!has('leadership')) result = splitLeadership(result)
  return result
}

/**
 * In a report without a leadership part, paragraphs of an achievements part without sub-parts (headed or not) whose
 * first sentence reports the 第一责任人 duty
 * (`镇党委书记、镇长切实履行推进法治建设第一责任人职责…`) or, in an unheaded part, whose subject is the leaders
 * (`主要负责同志带头…`) form a leadership part; the paragraphs after them stay achievements.
 */
function splitLeadership(sections: DraftSection[]): DraftSection[] {
  return sections.flatMap((section) => {
    if (section.kind !== 'achievements' || section.children.length > 0) return [section]
    // Under a heading, only the duty itself opens the part (县政府主要负责人带头学法 alone may be an achievement).
    const opens = section.heading === null ? isLeadershipParagraph : namesLeadershipDuty
    const start = section.paragraphs.findIndex((paragraph) => opens(paragraph.text))
    if (start === -1) return [section]
    let end = start + 1
    while (end < section.paragraphs.length && isLeadershipParagraph((section.paragraphs[end] as DraftParagraph).text)) end++
    const before = { ...section, paragraphs: section.paragraphs.slice(0, start) }
    const leadership = { ...emptySection('leadership'), paragraphs: section.paragraphs.slice(start, end) }
    const after = { ...emptySection('achievements'), paragraphs: section.paragraphs.slice(end) }
    return [before, leadership, after].filter(isKept)
  })
}

function isLeadershipParagraph(text: string): boolean {
  return namesLeadershipDuty(text) || leadersSubject.test(detectionText(text.slice(0, 40)))
}

/** How many paragraphs from the end a plans paragraph of an unheaded report may start. */
const finalPlansReach = 2

/**
 * In a report without any heading, one of the last paragraphs opening with `下一步，我局将…` (or the next year and 将)
 * starts the plans part, with the paragraphs after it: plans come last, and mid-report such a sentence may be a step taken.
 */
function splitFinalPlans(sections: DraftSection[], year: number | null): DraftSection[] {
  if (sections.some((section) => section.heading !== null || section.number !== null)) return sections
  const last = sections[sections.length - 1]
  if (last === undefined || last.kind === null || !['preamble', 'achievements', 'other', 'shortcomings'].includes(last.kind)) return sections
  const from = Math.max(last.kind === 'preamble' ? 1 : 0, last.paragraphs.length - finalPlansReach)
  const start = last.paragraphs.findIndex((paragraph, index) => index >= from && opensPlans(paragraph.text, year))
  if (start === -1) return sections
  const part = emptySection('plans')
  part.paragraphs = last.paragraphs.slice(start)
  const kept = { ...last, paragraphs: last.paragraphs.slice(0, start) }
  return [...sections.slice(0, -1), kept, part].filter(isKept)
}

function opensPlans(text: string, year: number | null): boolean {
  const match = plansOpening.exec(detectionText(text.slice(0, 60)))
  if (match === null) return false
  const stated = match[1]
  return stated === undefined || (year !== null && Number(stated) === year + 1)
}

/** Sentence tests for the kinds a part can be opened by an unheaded sentence. */
function opensKind(kind: SectionKind, year: number | null): ((sentence: string) => boolean) | null {
  if (kind === 'shortcomings') return isShortcomingsIntro
  if (kind === 'plans') return (sentence) => isPlansIntro(sentence, year)
  return null
}

/**
 * A part whose heading names two kinds (`存在问题和下一步工作打算`) but has no sub-part of the second: from the sentence
 * that opens the second (`2023年，我区将重点做好以下工作：`), the rest of the part is an unheaded sub-part of that kind.
 */
function splitCombinedPart(section: DraftSection, year: number | null): void {
  if (section.heading === null || section.kind === null) return
  const kinds = namedKinds(section.heading)
  const later = kinds[kinds.indexOf(section.kind) + 1]
  if (kinds.indexOf(section.kind) === -1 || later === undefined || hasKind(section.children, later)) return
  const test = opensKind(later, year)
  if (test === null) return
  const moved = splitTree(section, test)
  if (moved === null) return
  const part = emptySection(later)
  part.paragraphs = moved.paragraphs
  part.children = moved.children.map((child) => withKind(child, later))
  section.children.push(part)
}

function hasKind(sections: readonly DraftSection[], kind: SectionKind): boolean {
  return sections.some((section) => section.kind === kind || hasKind(section.children, kind))
}

function isShortcomingsIntro(sentence: string): boolean {
  return shortcomingsIntro.some((pattern) => pattern.test(sentence))
}

function isPlansIntro(sentence: string, year: number | null): boolean {
  if (plansNamed.test(sentence)) return true
  const match = plansLead.exec(sentence)
  if (match === null) return false
  const stated = match[1]
  return stated === undefined || (year !== null && Number(stated) === year + 1)
}

/** Split at the first sentence (in document order) that `test` accepts; what follows moves to a new top-level part. */
function splitAt(sections: DraftSection[], kind: SectionKind, within: readonly SectionKind[],
  test: (sentence: string) => boolean): DraftSection[] {
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index] as DraftSection
    if (section.kind === null || !within.includes(section.kind)) continue
    const moved = splitTree(section, test)
    if (moved === null) continue
    const part = emptySection(kind)
    part.paragraphs = moved.paragraphs
    part.children = moved.children.map((child) => withKind(child, kind))
    return [...sections.slice(0, index + 1), part, ...sections.slice(index + 1)].filter(isKept)
  }
  return sections
}

/**
 * Cut a section's tree at the first accepted sentence, in document order (its own paragraphs, then its children's);
 * return what follows it.
 */
function splitTree(section: DraftSection, test: (sentence: string) => boolean): { paragraphs: DraftParagraph[]; children: DraftSection[] } | null {
  for (let paragraphIndex = 0; paragraphIndex < section.paragraphs.length; paragraphIndex++) {
    const paragraph = section.paragraphs[paragraphIndex] as DraftParagraph
    const offset = findSentence(paragraph.text, test)
    if (offset === -1) continue
    const head = paragraph.text.slice(0, offset)
    const moved = [{ text: paragraph.text.slice(offset), line: paragraph.line }, ...section.paragraphs.slice(paragraphIndex + 1)]
    section.paragraphs = [...section.paragraphs.slice(0, paragraphIndex), ...(head.trim() === '' ? [] : [{ text: head, line: paragraph.line }])]
    const children = section.children
    section.children = []
    return { paragraphs: moved, children }
  }
  for (let childIndex = 0; childIndex < section.children.length; childIndex++) {
    const moved = splitTree(section.children[childIndex] as DraftSection, test)
    if (moved === null) continue
    moved.children.push(...section.children.slice(childIndex + 1))
    section.children = section.children.slice(0, childIndex + 1)
    return moved
  }
  return null
}

/** Offset of the first sentence in the paragraph that `test` accepts, or -1. */
function findSentence(text: string, test: (sentence: string) => boolean): number {
  const norm = detectionText(text)
  let start = 0
  while (start < norm.length) {
    while (start < norm.length && norm.charAt(start) === ' ') start++
    let end = start
    while (end < norm.length && !'。!?'.includes(norm.charAt(end))) end++
    if (start < norm.length && test(norm.slice(start, Math.min(end + 1, start + 400)))) return start
    start = end + 1
  }
  return -1
}

/** With no achievements part, the preamble keeps its opening (and addressee) and the rest becomes achievements. */
function splitPreamble(sections: DraftSection[]): DraftSection[] {
  const preamble = sections[0]
  if (preamble?.kind !== 'preamble') return sections
  const keep = preamble.paragraphs.length > 1 && /[:：]$/.test(preamble.paragraphs[0]?.text ?? '') ? 2 : 1
  if (preamble.paragraphs.length <= keep) return sections
  const part = emptySection('achievements')
  part.paragraphs = preamble.paragraphs.slice(keep)
  preamble.paragraphs = preamble.paragraphs.slice(0, keep)
  return [preamble, part, ...sections.slice(1)]
}

function withKind(section: DraftSection, kind: SectionKind): DraftSection {
  return { ...section, kind: section.kind === 'leadership' ? 'leadership' : kind, children: section.children.map((child) => withKind(child, kind)) }
}

function isKept(section: DraftSection): boolean {
  return section.heading !== null || section.number !== null || section.paragraphs.length > 0 || section.children.length > 0
}
