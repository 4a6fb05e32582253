import type { SectionKind } from '../types.ts'
import { detectionText } from './detection-text.ts'

/** Keywords of each statutory part, matched on the normalised heading; the earliest match wins. */
const keywords: readonly { kind: SectionKind; pattern: RegExp }[] = [
  { kind: 'leadership', pattern: /第一责任人|主要负责人|党政负责人|主要领导|一把手|履行[^,.:;]{0,14}职责|述法/ },
  { kind: 'shortcomings', pattern: /不足|问题|差距|短板|薄弱|弱项|困难|挑战|欠缺|不够|不到位/ },
  { kind: 'plans', pattern: /下一步|下步|下一年|下一阶段|明年|今后|未来|来年|新的一年|安排|计划|打算|思路|展望|设想|谋划|要点/ },
  { kind: 'achievements', pattern: /成效|举措|主要工作|工作情况|开展情况|进展|做法|成绩|成果|亮点|经验|完成情况|推进情况|落实情况|建设情况|基本情况|总体情况|取得|措施|工作开展|主要任务/ },
]

/**
 * Classify a top-level part by the keywords of its heading (成效/举措 → achievements, 不足/问题 → shortcomings,
 * 第一责任人 → leadership, 下一步/计划/安排 → plans); `year` (the year reported on) lets `2024年重点工作` read as plans.
 * Returns null when the heading says nothing about the part; the first paragraph is consulted for unheaded parts.
 * Traditional characters are matched as simplified (黨政主要負責人 → leadership).
 */
export function classifyPart(heading: string | null, paragraphs: readonly string[] = [], year: number | null = null): SectionKind | null {
  const text = detectionText(heading ?? firstSentence(paragraphs[0] ?? '')).replace(/\s+/g, '')
  let best: { kind: SectionKind; index: number } | null = null
  for (const { kind, pattern } of keywords) {
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
