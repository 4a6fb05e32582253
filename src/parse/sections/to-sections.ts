import type { Section } from '../../types.ts'
import type { DraftSection } from './draft-section.ts'

/**
 * Finish draft sections: give each an ASCII anchor and its source line range. Parts are named by kind
 * (`achievements`, a second one `achievements-part-2`), top-level parts first; a sub-part whose kind differs from its
 * parent's (a leadership item inside achievements) is named the same way (`leadership`), and other children append
 * their ordinal (`achievements-3-2`). So every anchor starts with the kind of its section (search filters sub-results
 * by that prefix), and none ends in `-p<n>`, which the site uses for paragraphs.
 */
export function toSections(drafts: readonly DraftSection[]): Section[] {
  const counts = new Map<string, number>()
  const name = (kind: string): string => {
    const count = (counts.get(kind) ?? 0) + 1
    counts.set(kind, count)
    return count === 1 ? kind : `${kind}-part-${count}`
  }
  const anchors = drafts.map((draft) => name(draft.kind ?? 'other'))
  return drafts.map((draft, index) => toSection(draft, anchors[index] ?? name('other'), name))
}

function toSection(draft: DraftSection, anchor: string, name: (kind: string) => string): Section {
  const kind = draft.kind ?? 'other'
  const children = draft.children.map((child, index) => {
    const childKind = child.kind ?? 'other'
    return toSection(child, childKind === kind ? `${anchor}-${index + 1}` : name(childKind), name)
  })
  const section: Section = {
    anchor,
    kind,
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
