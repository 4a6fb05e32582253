import type { SectionKind } from '../../types.ts'
import { detectionText } from '../lines/detection-text.ts'

/** Keywords of each statutory part, matched on the detection copy of a heading, in the order they are tried. */
const partKeywords: readonly { kind: SectionKind; pattern: RegExp }[] = [
  { kind: 'leadership', pattern: /第一责任人|主要负责人|党政负责人|主要领导|一把手|履行[^,.:;]{0,14}职责|述法/ },
  // 原因分析 is the second half of the statutory 存在的不足和原因, sometimes a part of its own.
  { kind: 'shortcomings', pattern: /不足|问题|差距|短板|薄弱|弱项|困难|挑战|欠缺|不够|不到位|原因/ },
  // Plans speak of the coming year; 安排 and 计划 alone do not (全面部署安排法治政府建设 and 统筹谋划 report last year's work).
  { kind: 'plans', pattern: /下一步|下步|下一年|下一阶段|明年|今后|未来|来年|新的一年|打算|展望|设想|(?<!部署|统筹)(?:安排|计划)(?=$|[,，;；和及与、])|思路(?=$|[,，;；和及与、])|要点$/ },
  // 主要工作安排 names next year's plans, not this year's work.
  { kind: 'achievements', pattern: /成效|举措|主要工作(?!安排|计划|打算|思路|要点)|工作情况|开展情况|进展|做法|成绩|成果|亮点|经验|完成情况|推进情况|落实情况|建设情况|基本情况|总体情况|取得|措施|工作开展|主要任务/ },
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
  for (const { kind, pattern } of partKeywords) {
    const match = pattern.exec(text)
    if (match !== null && (best === null || match.index < best.index)) best = { kind, index: match.index }
  }
  if (best !== null) return best.kind
  if (year !== null && text.includes(`${year + 1}年`)) return 'plans'
  if (year !== null && text.includes(`${year}年`)) return 'achievements'
  return null
}

/**
 * Every statutory kind a heading names, in the order written: `存在的不足和下一步工作打算` → shortcomings, plans.
 * A heading naming two kinds is a combined part whose sub-parts may each take one of them.
 */
export function namedKinds(heading: string): SectionKind[] {
  const text = detectionText(heading).replace(/\s+/g, '')
  return partKeywords
    .map(({ kind, pattern }) => ({ kind, index: pattern.exec(text)?.index ?? -1 }))
    .filter((found) => found.index !== -1)
    .sort((a, b) => a.index - b.index)
    .map((found) => found.kind)
}

function firstSentence(paragraph: string): string {
  const end = paragraph.search(/[。:：]/)
  return end === -1 ? paragraph.slice(0, 60) : paragraph.slice(0, end)
}
