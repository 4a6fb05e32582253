import type { Section } from '../types.ts'
import type { DraftSection } from './draft-section.ts'

/**
 * Finish draft sections: give each an ASCII anchor and its source line range. Top-level parts are named by kind
 * (`achievements`, a second one `achievements-part-2`); children append their ordinal (`achievements-3-2`), so every
 * anchor starts with its top-level part's kind and none ends in `-p<n>`, which the site uses for paragraphs.
 */
export function toSections(drafts: readonly DraftSection[]): Section[] {
  const counts = new Map<string, number>()
  return drafts.map((draft) => {
    const kind = draft.kind ?? 'other'
    const count = (counts.get(kind) ?? 0) + 1
    counts.set(kind, count)
    return toSection(draft, count === 1 ? kind : `${kind}-part-${count}`)
  })
}

function toSection(draft: DraftSection, anchor: string): Section {
  const children = draft.children.map((child, index) => toSection(child, `${anchor}-${index + 1}`))
  const section: Section = {
    anchor,
    kind: draft.kind ?? 'other',
    number: draft.number,
    heading: draft.heading,
    paragraphs: draft.paragraphs.map((paragraph) => paragraph.text),
    children,
  }
  const start = draft.line ?? draft.paragraphs[0]?.line ?? children[0]?.position?.start
  const end = lastLine(draft)
  if (start !== undefined && end !== null) section.position = { start, end }
  return section
}

function lastLine(draft: DraftSection): number | null {
  const child = draft.children[draft.children.length - 1]
  if (child !== undefined) return lastLine(child)
  return draft.paragraphs[draft.paragraphs.length - 1]?.line ?? draft.line
}
