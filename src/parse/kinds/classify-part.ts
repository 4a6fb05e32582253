import type { SectionKind } from '../../types.ts'
import { detectionText } from '../lines/detection-text.ts'
import { partKeywords } from './part-keywords.ts'

/**
 * Classify a top-level part by the keywords of its heading (成效/举措 → achievements, 不足/问题 → shortcomings,
 * 第一责任人 → leadership, 下一步/计划/安排 → plans); `year` (the year reported on) lets `2024年重点工作` read as plans.
 * Returns null when the heading says nothing about the part; the first paragraph is consulted for unheaded parts.
 * Traditional characters are matched as simplified (黨政主要負責人 → leadership).
 */
export function classifyPart(heading: string | null, paragraphs: readonly string[] = [], year: number | null = null): SectionKind | null {
  const text = detectionText(heading ?? firstSentence(paragraphs[0] ?? '')).replace(/\s+/g, '')
  let best: { kind: SectionKind; index: number } | null = null
  for (const { kind, pattern } of partKeywords) {
    const match = pattern.exec(text)
    if (match !== null && (best === null || match.index < best.index)) best = { kind, index: match.index }
  }
  if (best !== null) return best.kind
  if (year !== null && text.includes(`${year + 1}年`)) return 'plans'
  if (year !== null && text.includes(`${year}年`)) return 'achievements'
  return null
}

function firstSentence(paragraph: string): string {
  const end = paragraph.search(/[。:：]/)
  return end === -1 ? paragraph.slice(0, 60) : paragraph.slice(0, end)
}
