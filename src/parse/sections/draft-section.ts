import type { SectionKind } from '../../types.ts'

/** A body paragraph with the source line it came from. */
export interface DraftParagraph {
  /** The paragraph as written. */
  text: string
  /** 1-based source line. */
  line: number
}

/** A section while the parse stage builds it: like `Section`, with line numbers kept per paragraph. */
export interface DraftSection {
  /** The numbering as written, or null. */
  number: string | null
  /** The heading without its number, or null for unheaded parts. */
  heading: string | null
  /** Source line of the heading, or null for unheaded parts. */
  line: number | null
  /** Nesting rank of the heading (smaller is outer); unheaded parts use -1. */
  rank: number
  /** The heading number's value, for sequence checks. */
  ordinal: number | null
  /** Body paragraphs before the first child. */
  paragraphs: DraftParagraph[]
  /** Sub-sections in order. */
  children: DraftSection[]
  /** The kind once classified. */
  kind: SectionKind | null
}
