import { createHash } from 'node:crypto'
import type { ReportAnalysis } from './analysis-types.ts'
import type { ReportReuse } from './find-reuse.ts'
import { lazyProperties } from '../lazy-properties.ts'

/**
 * What every report's page data needs of its reuse listing without reading it: the side-by-side page's count, the
 * reports it names, and a digest of its text for the page digests. At 10,000 reports parsing every listing took the
 * build thread ~0.5 s of a rebuild that renders a dozen pages, and at 100,000 the parsed listings were ~1.5 GB of
 * its heap; hashing every listing's text was most of a rebuild's page digests.
 */
export interface ListingSummary {
  reusedShare: number
  /** Reused paragraphs: `reuseCounts.length`. */
  paragraphs: number
  /** Reports its links name, each once, in the order first named. */
  others: string[]
  /** `digestListing` of its JSON text. */
  digest: string
}

/** A report's reuse listing as text: its JSON and its summary, as the memo keeps it. */
export interface ListingText extends ListingSummary {
  /** `JSON.stringify` of the `ReportReuse`. */
  json: string
}

/** What the page data needs of a listing besides its figures (`reuseSummaryOf`). */
export type ReuseSummary = Pick<ListingSummary, 'paragraphs' | 'others'>

/** A lazy listing's summary, and how its JSON text is had (kept in memory, or read from where it was written). */
interface Held {
  summary: ListingSummary
  json: () => string
}

/** The summaries of the lazy listings (`lazyReportReuse`, `storedReportReuse`) and of the analyses made from them. */
const held = new WeakMap<object, Held>()

/** The digest of a listing's JSON text: the same text, the same digest, wherever the listing is kept. */
export function digestListing(json: string): string {
  return createHash('sha1').update(json).digest('base64')
}

/** A listing's text and summary, to post or keep: a lazy listing's own, or made from a parsed one. */
export function listingTextOf(listing: ReportReuse): ListingText {
  const found = held.get(listing)
  if (found) return { ...found.summary, json: found.json() }
  const json = JSON.stringify(listing)
  return { json, reusedShare: listing.reusedShare, ...reuseSummaryOf(listing), digest: digestListing(json) }
}

/**
 * A summary's fields, named one by one: a rest or a spread gave each summary made so a hidden class of its own (a
 * heap snapshot of the reuse worker halfway through the listing at 30,000 reports held 14,992 of them).
 */
export function summaryOf({ reusedShare, paragraphs, others, digest }: ListingSummary): ListingSummary {
  return { reusedShare, paragraphs, others, digest }
}

/** A listing's summary: a lazy listing's own, its text not read (the memo writes the texts a piece at a time). */
export function listingSummaryOf(listing: ReportReuse): ListingSummary {
  const found = held.get(listing)
  if (found) return found.summary
  return summaryOf(listingTextOf(listing))
}

/** The last listing parsed, and what it gave: a page that reads `reuseCounts` then `reuse` parses once. */
let lastParsed: { from: Held; listing: ReportReuse } | null = null

function parseListing(from: Held): ReportReuse {
  if (lastParsed?.from !== from) lastParsed = { from, listing: JSON.parse(from.json()) as ReportReuse }
  return lastParsed.listing
}

/**
 * A `ReportReuse` whose `reuse` and `reuseCounts` are read from its JSON text each time they are asked for, and not
 * kept: only the pages a build renders read them. It compares and serialises as the parsed listing does.
 */
export function lazyReportReuse(text: ListingText): ReportReuse {
  const { json } = text
  return storedReportReuse(summaryOf(text), () => json)
}

/**
 * `lazyReportReuse` for a listing whose text is elsewhere (a file the reuse worker wrote): `read` gives it when a
 * page asks for the listing, and the summary answers everything else.
 */
export function storedReportReuse(summary: ListingSummary, read: () => string): ReportReuse {
  const from: Held = { summary, json: read }
  const listing = withListing({}, from)
  held.set(listing, from)
  return listing
}

/** A lazy listing's properties, in `ReportReuse`'s order (a listing is one per report: `lazyProperties`). */
const withListing = lazyProperties({
  reuse: (from: Held) => parseListing(from).reuse,
  reuseCounts: (from: Held) => parseListing(from).reuseCounts,
  reusedShare: (from: Held) => from.summary.reusedShare,
})

/** What a lazy analysis is made of: its listing and the rest of its analysis. */
interface AnalysisParts {
  listing: ReportReuse
  rest: Pick<ReportAnalysis, 'followUp' | 'metrics'>
}

/** A lazy analysis's properties, in `ReportAnalysis`'s order. */
const withAnalysis = lazyProperties({
  reuse: ({ listing }: AnalysisParts) => listing.reuse,
  reuseCounts: ({ listing }: AnalysisParts) => listing.reuseCounts,
  reusedShare: ({ listing }: AnalysisParts) => listing.reusedShare,
  followUp: ({ rest }: AnalysisParts) => rest.followUp,
  metrics: ({ rest }: AnalysisParts) => rest.metrics,
})

/**
 * A report's analysis from its listing and the rest, in `ReportAnalysis`'s order: a lazy listing stays lazy (its
 * summary and text go with it).
 */
export function analysisOf(listing: ReportReuse | undefined, rest: Pick<ReportAnalysis, 'followUp' | 'metrics'>): ReportAnalysis {
  const from = listing ? held.get(listing) : undefined
  if (!listing || !from) {
    return { reuse: listing?.reuse ?? [], reuseCounts: listing?.reuseCounts ?? [], reusedShare: listing?.reusedShare ?? 0, ...rest }
  }
  const analysis = withAnalysis({}, { listing, rest })
  held.set(analysis, from)
  return analysis
}

/** How many paragraphs a report's listing lists, and the reports its links name, without reading a lazy listing. */
export function reuseSummaryOf(found: Pick<ReportReuse, 'reuse' | 'reuseCounts'>): ReuseSummary {
  const summary = held.get(found)?.summary
  return summary ? { paragraphs: summary.paragraphs, others: summary.others } : { paragraphs: found.reuseCounts.length, others: [...new Set(found.reuse.map((link) => link.other.id))] }
}

/**
 * A report's analysis as text, for digests: its listing's digest, then `JSON.stringify` of the rest. The same text for
 * a lazy analysis (its summary's digest, the text not read) as for the parsed one.
 */
export function analysisText(found: ReportAnalysis): string {
  const { followUp, metrics } = found
  const listing = held.get(found)?.summary.digest ?? digestListing(JSON.stringify({ reuse: found.reuse, reuseCounts: found.reuseCounts, reusedShare: found.reusedShare }))
  return `${listing}\n${JSON.stringify({ followUp, metrics })}`
}
