import type { SectionKind } from '../types.ts'
import type { Link } from './view-types.ts'

/** Site views of the analysis stage (src/analysis): what report, agency, year and boilerplate pages show of it. */

/** The analysis figures a report page and listings show. */
export interface ReportAnalysisView {
  /** Share of the report's characters found in other reports, as `12.3%`, and as a number for sorting. */
  reusedShare: number
  reusedPercent: string
  /** The side-by-side page, or null when no paragraph is shared. */
  reuseUrl: string | null
  /** Paragraphs shared with other reports. */
  reusedParagraphs: number
  chars: number
  figuresPerThousand: number
  namedCases: number
  /** Shortcomings' share of specific sentences, as `40%`, or null without shortcomings. */
  specificPercent: string | null
  /** Share of this report's plan items followed up the next year, as `60%`, or null without a next report. */
  followUpPercent: string | null
}

/** Another report's paragraph listed beside a reused one. */
export interface ReuseSide {
  other: Link & { agencyName: string; year: string }
  sameAgency: boolean
  similarityPercent: string
  sharedChars: number
}

/** One reused paragraph: the pairs shown side by side (both texts, shared text marked), then the other listed paragraphs. */
export interface ReuseEntry {
  anchor: string
  /** The statutory part the paragraph is in. */
  kindLabel: string
  url: string
  /** All other reports sharing text with the paragraph, and how many of those are the same agency's: exact, not capped. */
  reports: number
  sameAgency: number
  /**
   * The closest paragraph, and the same agency's closest when it is another: both texts as escaped HTML (`markedHtml`),
   * the shared text in `<mark>`.
   */
  sides: (ReuseSide & { selfHtml: string; theirsHtml: string })[]
  /** The other listed paragraphs (up to `listed` in all), as links. */
  more: ReuseSide[]
}

/** A report's side-by-side page. */
export interface ReusePage {
  url: string
  reportTitle: string
  reportUrl: string
  reusedPercent: string
  /** Paragraphs listed per reused paragraph, and pairs of them shown with both texts: the caps, as the page states them. */
  listed: number
  shown: number
  /** The reports whose text the page shows, this one included, in id order: its digest stands on theirs. */
  reportIds: string[]
  /** Composed each time it is read (not enumerable: a digest never reads it). */
  readonly entries: ReuseEntry[]
}

/** The boilerplate page of one year and part. */
export interface RepeatedPage {
  url: string
  yearLabel: string
  yearUrl: string
  kind: SectionKind
  label: string
  kindUrl: string
  /** Reports of that year with that part. */
  total: number
  /** Passages listed at most (the most used). */
  listed: number
  passages: { text: string; reports: number; uses: Link[] }[]
}

/** One plan item's row in an agency's follow-up table. */
export interface FollowUpRow {
  text: string
  url: string
  status: string
  statusLabel: string
  evidence: (Link & { similarityPercent: string })[]
}

/** Follow-up and change between one agency's reports on consecutive years. */
export interface PairAnalysis {
  /** The plan items' rows, made each time they are read. */
  readonly items: FollowUpRow[]
  /** Share of items with follow-up (有后续 or 再次列入), as `60%`, or null without items. */
  followUpPercent: string | null
  counts: { addressed: number; relisted: number; notFound: number }
  /** Per part: the share unchanged, and the diff as escaped HTML (`<del>`, `<ins>`), null when not diffed. */
  readonly changes: { kind: SectionKind; label: string; samePercent: string; flagged: boolean; diffHtml: string | null }[]
}

/** A year page's rankings. */
export interface YearAnalysis {
  /** Agencies by the share of their plans (made this year) followed up next year, highest first: the first `rankedPerYearPage`. */
  followUp: { agencyName: string; agencyUrl: string; share: number; percent: string; items: number; addressed: number; relisted: number; notFound: number; pairUrl: string }[]
  /** Agencies ranked, all of them. */
  followUpTotal: number
  /** Reports by the share of their text found in other reports, highest first: the first `rankedPerYearPage`. */
  reuse: { title: string; url: string; agencyName: string; analysis: ReportAnalysisView }[]
  /** Reports ranked, all of them. */
  reuseTotal: number
  repeatedPages: Link[]
}
