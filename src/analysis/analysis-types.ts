import type { SectionKind } from '../types.ts'

/**
 * The analysis stage's shapes (Report[] → analysis): what the per-report JSON carries as `analysis`, and the
 * corpus-wide views the pages list. Only `src/analysis`, the site stage and templates use them.
 */

/** One paragraph of one report that shares a long aligned run with a paragraph of another report. */
export interface ReuseLink {
  /** This report's paragraph, e.g. `shortcomings-p2`. */
  anchor: string
  /** The other report and its paragraph. */
  other: { id: string; anchor: string }
  /** Folded characters of this paragraph aligned as equal with the other. */
  sharedChars: number
  /** `sharedChars` over this paragraph's folded length, 0–1. */
  similarity: number
  /** True when the other report is the same agency's (跨年重复), false for another agency's (跨机构雷同). */
  sameAgency: boolean
}

/** How a plan item fared in the same agency's next report. */
export type FollowUpStatus = 'addressed' | 'not-found' | 'relisted'

/** One item of a report's plans, checked against the same agency's report on the next year. */
export interface FollowUpItem {
  /** Where the item is: a paragraph (`plans-p1`) or a sub-part (`plans-2`). */
  anchor: string
  /** 1-based item number within that paragraph or sub-part (`一是…二是…`). */
  item: number
  /** The item's text as written (shortened to 120 characters). */
  text: string
  /** 有后续 (`addressed`), 未见后续 (`not-found`) or 再次列入 (`relisted`: in the next plans again). */
  status: FollowUpStatus
  /** The next report's passages that match, best first: achievements, and for `relisted` the plan it reappears as. */
  evidence: { id: string; anchor: string; similarity: number }[]
}

/** Figures of one part (or the whole report) that tell substance from formula. */
export interface SubstanceMetrics {
  /** Characters of text, spaces excluded. */
  chars: number
  /** Numbers with a unit (件, 项, 人次, %, 万元 …). */
  figures: number
  /** `figures` per 1,000 characters. */
  figuresPerThousand: number
  /** Named cases and documents: mentions of 案例 and quoted titles (《…》, “…案”). */
  namedCases: number
  /** Shortcomings only: share of sentences naming something specific (a unit, a number, a cause), else null. */
  specificShare: number | null
}

/** The whole analysis of one report: the per-report JSON's `analysis`. */
export interface ReportAnalysis {
  /** Paragraphs that share text with other reports (the closest few per paragraph). */
  reuse: ReuseLink[]
  /** Per reused paragraph, how many other reports share text with it, and how many of those are the same agency's. */
  reuseCounts: { anchor: string; reports: number; sameAgency: number }[]
  /** Share of the report's folded characters found in other reports, 0–1. */
  reusedShare: number
  /** Plan items and their follow-up in the next year's report; empty when there is no next report. */
  followUp: FollowUpItem[]
  /** Substance figures for the whole report (`all`) and per statutory part. */
  metrics: Partial<Record<SectionKind | 'all', SubstanceMetrics>>
}

/** A passage repeated across reports of one year and part: a line of the boilerplate page. */
export interface RepeatedPassage {
  /** The passage as one report writes it. */
  text: string
  /** Reports of that year whose part of that kind uses it. */
  reports: number
  /** The uses, first few (report id and paragraph anchor). */
  uses: { id: string; anchor: string }[]
  /**
   * Instead of `text` (then ''), its paragraph and that paragraph's folded ranges: from a `findReuse` that let go of
   * the texts (the reuse worker), until `writePassageTexts` writes the text. Never in a finished analysis.
   */
  source?: { id: string; anchor: string; ranges: [number, number][] }
}

/** Change between an agency's reports on consecutive years, one part. */
export interface PartChange {
  kind: SectionKind
  /** Characters (folded) of last year's and this year's part. */
  before: number
  after: number
  /** Share of characters unchanged, 0–1: twice the kept characters over both lengths. */
  same: number
  /** The diff as runs: 0 kept, -1 removed, 1 added; null when the texts differ too much to show. */
  runs: [number, string][] | null
}
