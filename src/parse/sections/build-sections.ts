import type { Root } from 'mdast'
import type { DraftSection } from './draft-section.ts'

/**
 * Nest the marked tree into sections by heading rank; paragraphs before the first heading form the preamble
 * (kind `preamble`, omitted when empty). Returns top-level sections in document order.
 */
export function buildSections(tree: Root): DraftSection[] {
  const preamble = emptySection('preamble')
  const top: DraftSection[] = []
  const stack: DraftSection[] = []
  for (const node of tree.children) {
    const line = node.position?.start.line ?? 0
    if (node.type === 'heading') {
      const rank = node.data?.rank ?? 1
      while (stack.length > 0 && (stack[stack.length - 1] as DraftSection).rank >= rank) stack.pop()
      const section: DraftSection = {
        number: node.data?.number ?? null,
        heading: node.children[0]?.type === 'text' ? node.children[0].value : null,
        line, rank, ordinal: node.data?.ordinal ?? null, paragraphs: [], children: [], kind: null,
      }
      const parent = stack[stack.length - 1]
      if (parent === undefined) top.push(section)
      else parent.children.push(section)
      stack.push(section)
    } else if (node.type === 'paragraph') {
      const text = node.children[0]?.type === 'text' ? node.children[0].value : ''
      const current = stack[stack.length - 1] ?? preamble
      current.paragraphs.push({ text, line })
    }
  }
  return preamble.paragraphs.length > 0 ? [preamble, ...top] : top
}

/** An unheaded section of the given kind, with no paragraphs yet. */
export function emptySection(kind: DraftSection['kind']): DraftSection {
  return { number: null, heading: null, line: null, rank: -1, ordinal: null, paragraphs: [], children: [], kind }
}
