import type { SectionKind } from '../types.ts'

/** A value a careful human would accept: one literal, or any of several. */
export type Accepted<T> = T | { anyOf: T[] }

/** What `NAME.expected.json` says about one held-out fixture. */
export interface HoldoutExpectation {
  /** What shape of report the fixture stands for. */
  description: string
  /** For HTML fixtures: comments that open and close the article, so the expected body is read without the parser's help. */
  htmlArticle?: { begin: string; end: string }
  /** Metadata as a careful human would record it. */
  metadata: {
    name: Accepted<string>
    short: Accepted<string>
    region: Accepted<string[]>
    level: Accepted<string>
    year: Accepted<number>
    published: Accepted<string | null>
    /** The title as written; compared only when `titleInferred` is false. */
    title: string | null
    titleInferred: boolean
  }
  /** Source lines (trimmed) that are not report body: title, page furniture, metadata fields. */
  notBody: string[]
  /**
   * In document order, by their first characters: every heading line, and every paragraph (`paragraph: true`) where
   * the kind changes without a heading. Lines between two entries take the kind of the entry above them.
   */
  kinds: { startsWith: string; kind: SectionKind; paragraph?: boolean }[]
  /** Strings that must not appear anywhere in the output sections. */
  furniture: string[]
}

/** One body line of a fixture with the kind a careful human gives it. */
export interface ExpectedLine {
  text: string
  kind: SectionKind
}
