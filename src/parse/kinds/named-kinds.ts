import type { SectionKind } from '../../types.ts'
import { detectionText } from '../lines/detection-text.ts'
import { partKeywords } from './part-keywords.ts'

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
