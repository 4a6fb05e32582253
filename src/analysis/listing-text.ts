import type { ReportAnalysis } from './analysis-types.ts'
import type { ReportReuse } from './find-reuse.ts'

/**
 * A report's reuse listing as the reuse worker hands it over: its JSON text, and what every report's page data needs
 * of it without reading it (the side-by-side page's count and the reports it names). At 10,000 reports parsing every
 * listing took the build thread ~0.5 s of a rebuild that renders a dozen pages, and at 100,000 the parsed listings
 * were ~1.5 GB of its heap.
 */
export interface ListingText {
  /** `JSON.stringify` of the `ReportReuse`. */
  json: string
  reusedShare: number
  /** Reused paragraphs: `reuseCounts.length`. */
  paragraphs: number
  /** Reports its links name, each once, in the order first named. */
  others: string[]
}

/** What the page data needs of a listing besides its figures (`reuseSummaryOf`). */
export type ReuseSummary = Pick<ListingText, 'paragraphs' | 'others'>

/** Summaries of the lazy listings (`lazyReportReuse`) and of the analyses made from them, and their JSON texts. */
const summaries = new WeakMap<object, ListingText>()

/** A listing's text and summary, to post or keep: a lazy listing's own, or made from a parsed one. */
export function listingTextOf(listing: ReportReuse): ListingText {
  return summaries.get(listing) ?? { json: JSON.stringify(listing), reusedShare: listing.reusedShare, ...reuseSummaryOf(listing) }
}

/** The last text parsed, and what it gave: a page that reads `reuseCounts` then `reuse` parses once. */
let lastParsed: { json: string; listing: ReportReuse } | null = null

function parseListing(json: string): ReportReuse {
  if (lastParsed?.json !== json) lastParsed = { json, listing: JSON.parse(json) as ReportReuse }
  return lastParsed.listing
}

/**
 * A `ReportReuse` whose `reuse` and `reuseCounts` are read from its JSON text each time they are asked for, and not
 * kept: only the pages a build renders read them. It compares and serialises as the parsed listing does.
 */
export function lazyReportReuse(text: ListingText): ReportReuse {
  const listing = Object.defineProperties({} as ReportReuse, {
    reuse: { enumerable: true, get: () => parseListing(text.json).reuse },
    reuseCounts: { enumerable: true, get: () => parseListing(text.json).reuseCounts },
    reusedShare: { enumerable: true, value: text.reusedShare },
  })
  summaries.set(listing, text)
  return listing
}

/**
 * A report's analysis from its listing and the rest, in `ReportAnalysis`'s order: a lazy listing stays lazy (its
 * summary and text go with it).
 */
export function analysisOf(listing: ReportReuse | undefined, rest: Pick<ReportAnalysis, 'followUp' | 'metrics'>): ReportAnalysis {
  const text = listing ? summaries.get(listing) : undefined
  if (!listing || !text) {
    return { reuse: listing?.reuse ?? [], reuseCounts: listing?.reuseCounts ?? [], reusedShare: listing?.reusedShare ?? 0, ...rest }
  }
  const analysis = Object.defineProperties({} as ReportAnalysis, {
    reuse: { enumerable: true, get: () => listing.reuse },
    reuseCounts: { enumerable: true, get: () => listing.reuseCounts },
    reusedShare: { enumerable: true, value: listing.reusedShare },
    followUp: { enumerable: true, value: rest.followUp },
    metrics: { enumerable: true, value: rest.metrics },
  })
  summaries.set(analysis, text)
  return analysis
}

/** How many paragraphs a report's listing lists, and the reports its links name, without reading a lazy listing. */
export function reuseSummaryOf(found: Pick<ReportReuse, 'reuse' | 'reuseCounts'>): ReuseSummary {
  const text = summaries.get(found)
  return text ? { paragraphs: text.paragraphs, others: text.others } : { paragraphs: found.reuseCounts.length, others: [...new Set(found.reuse.map((link) => link.other.id))] }
}

/**
 * A report's analysis as text, for digests: `JSON.stringify` of its listing, then of the rest. The same text for a
 * lazy analysis (its listing's text, not parsed) as for the parsed one.
 */
export function analysisText(found: ReportAnalysis): string {
  const { followUp, metrics } = found
  const listing = summaries.get(found)?.json ?? JSON.stringify({ reuse: found.reuse, reuseCounts: found.reuseCounts, reusedShare: found.reusedShare })
  return `${listing}\n${JSON.stringify({ followUp, metrics })}`
}
