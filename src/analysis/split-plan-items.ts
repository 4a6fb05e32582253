import type { Report, Section } from '../types.ts'

/** One item of a report's plans part, with the anchor of the paragraph or sub-part that holds it. */
export interface PlanItem {
  anchor: string
  /** 1-based within the anchor (several for a `一是…二是…` paragraph). */
  item: number
  text: string
}

/** Text between one `X是` and the next: the enumerations reports use inside a paragraph. */
const enumeration = /(?<=^|[。；;，,：:\s])(?=[一二三四五六七八九十]{1,2}是)/u
/** A lead-in that announces the items (`重点做好以下工作：`) is no item itself. */
const leadIn = /[：:]\s*$/
const minItemLength = 8

/**
 * Split a report's plans part into items: each sub-part (its heading and text), or within a paragraph each
 * `一是…二是…` enumeration, else each paragraph; lead-ins ending in a colon are skipped.
 * @example splitPlanItems(report).map((item) => item.anchor) // ['plans-1', 'plans-2', 'plans-p1', 'plans-p1']
 */
export function splitPlanItems(report: Report): PlanItem[] {
  return outermostPlans(report.sections).flatMap((section) => itemsOf(section, true))
}

function outermostPlans(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => (section.kind === 'plans' ? [section] : outermostPlans(section.children)))
}

function itemsOf(section: Section, top: boolean): PlanItem[] {
  const fromParagraphs = section.paragraphs.flatMap((text, index) => paragraphItems(text, `${section.anchor}-p${index + 1}`))
  if (section.children.length > 0) return [...fromParagraphs, ...section.children.flatMap((child) => itemsOf(child, false))]
  if (top) return fromParagraphs
  // A sub-part is one item (its heading says what), unless its text enumerates several.
  const enumerated = section.paragraphs.some((text) => text.split(enumeration).filter((piece) => /^[一二三四五六七八九十]{1,2}是/.test(piece)).length >= 2)
  if (enumerated) return fromParagraphs
  const text = [section.heading ?? '', ...section.paragraphs].join('')
  return text.length >= minItemLength ? [{ anchor: section.anchor, item: 1, text }] : []
}

function paragraphItems(text: string, anchor: string): PlanItem[] {
  const pieces = text.split(enumeration).filter((piece) => /^[一二三四五六七八九十]{1,2}是/.test(piece))
  if (pieces.length >= 2) return pieces.map((piece, index) => ({ anchor, item: index + 1, text: piece.trim() }))
  if (leadIn.test(text) || text.trim().length < minItemLength) return []
  return [{ anchor, item: 1, text: text.trim() }]
}
