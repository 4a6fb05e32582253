import type { Paragraph, Root } from 'mdast'
import type { NumberStyle } from './read-heading-number.ts'
import type { SourceLine } from '../lines/split-lines.ts'

declare module 'mdast' {
  interface ParagraphData {
    /** The normalised form of the paragraph's line, for structure detection. */
    norm?: string
  }
  interface HeadingData {
    /** The number as written (`一、`, `（一）`, a damaged `)`), or null for an unnumbered heading. */
    number?: string | null
    /** Nesting rank: smaller is outer; fractional for unnumbered parents inserted above a numbered level. */
    rank?: number
    /** The number's value, or null when unnumbered or damaged. */
    ordinal?: number | null
    /** The numbering style, or null when unnumbered or damaged. */
    style?: NumberStyle | null
  }
}

/** Turn body lines into an mdast `root > paragraph > text` tree, one paragraph per line, with source positions. */
export function linesToMdast(lines: readonly SourceLine[]): Root {
  return { type: 'root', children: lines.map(toParagraph) }
}

function toParagraph(line: SourceLine): Paragraph {
  const position = { start: { line: line.line, column: 1 }, end: { line: line.line, column: line.text.length + 1 } }
  return { type: 'paragraph', children: [{ type: 'text', value: line.text, position }], position, data: { norm: line.norm } }
}
