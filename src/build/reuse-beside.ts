import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads'
import { createReuseMemo, findReuse, listingTextOf, storedReportReuse, summaryOf, writePassageTexts, type ListingText, type ParagraphSection, type ReportReuse, type ReuseFindings, type ReuseKept, type ReuseMemo, type ReuseReport } from '../analysis/index.ts'
import { openFoldedFile } from './folded-file.ts'
import { createListingsWriter, readListing, type StoredListing } from './listings-file.ts'
import { closeHeld, openTemporary, type HeldFile } from '../files/unlinked-file.ts'
import { readReuseMemo, writeReuseMemo } from './reuse-memo-file.ts'
import { readingSections, readStoredSections } from './spill-sections.ts'
import { spillKeys } from './spilled-keys.ts'
import { tsxWorkerShim } from '../tsx-private/tsx-worker-shim.ts'
import type { Report } from '../types.ts'

const role = 'fazhi-reuse-worker'

/** Where the reuse memo lives and the analysis version it must be of. */
export interface ReuseMemoPlace {
  file: string
  version: string
}

/** What `find` is told of the reports besides themselves. */
export interface ReuseAsked {
  agencyOf: (report: Report) => string
  /** Each report's sections key, when there is a memo. */
  keyOf?: (report: Report) => string
  /**
   * The parse cache entry that holds a report's sections as they are (`StoredSections`), if one does: the worker
   * reads them there, and this thread posts only the entry's name. Given by a large build only: the worker then
   * keeps its folded text in a file and writes its memo before it answers.
   */
  entryOf?: (report: Report) => string | undefined
}

/** A worker thread that finds text reuse beside this thread, started before the reports are there. */
export interface ReuseBeside {
  /**
   * Find the reuse of these reports (once). The reports are posted first and their keys after, so the worker takes
   * in the reports while this thread makes the keys.
   */
  find: (reports: readonly Report[], asked: ReuseAsked) => Promise<ReuseFindings>
  /** Settles once the worker has written its memo and ended, or failed. */
  finished: Promise<void>
  /** End the worker now (a build that stopped before it was asked). */
  close: () => void
}

/** A report posted without its text: the parse cache entry that holds its sections. */
export interface StoredReuseReport {
  id: string
  year: ReuseReport['year']
  entry: string
}

/**
 * Messages to the worker: the reports (what `findReuse` reads, or where their sections are) and their agencies, then
 * their sections keys (null: no memo), then one `next` for each piece of the answer taken in.
 */
type ToWorker = { reports: (ReuseReport | StoredReuseReport)[]; agencies: string[]; large: boolean } | { keys: string[] | null } | { next: true }

/**
 * Messages from the worker: the listings in pieces (where each report's text is in the listings file, and its
 * summary), then the rest of the findings, then that the memo is written.
 */
type FromWorker = { listings: [string, StoredListing][] } | { found: { repeated: ReuseFindings['repeated'] } } | { kept: true }

/** Listings' places per message, each posted once the build thread has taken in the one before (between its own work). */
export const listingsPerMessage = 2_000

/**
 * Start `findReuse`'s worker thread now, so that it loads its code and reads its memo (src/build/reuse-memo-file.ts)
 * while this thread loads the reports; `find` then hands it the reports. Text reuse is the analysis's largest part,
 * and this thread meanwhile does the rest of it. The worker answers first and writes its memo after (`finished`);
 * a large build's, before.
 * Each listing's JSON text goes to a file this thread made (`openTemporary`: unlinked, closed once no listing reads
 * it; made here, as a file a worker thread opens is closed when the worker ends), and only what every page needs of
 * it (`StoredListing`) comes back, `listingsPerMessage` at a time: a listing is read from the file only for the pages a
 * build renders (`storedReportReuse`), and by the worker for its memo, a piece at a time. At 100,000 reports the
 * texts are ~740 million characters, which this thread held through the render (~1.5 GB) and took in while the
 * worker still held them (the build's peak). Once they are written the worker holds neither them nor the reports.
 * Reports whose sections are in the parse cache (`entryOf`) are read there by the worker, one at a time as it folds
 * them: posted, the reports' paragraphs were one structured-clone buffer beside both threads' copies (the
 * 100,000-report build's peak), and the worker held them all until every one was folded.
 * Same result as `findReuse` (a pure function of the reports and their agencies); should the worker fail, or no file
 * be made, it is computed here instead.
 * @example const reuse = startReuseBeside(place); …load…; const found = await reuse.find(reports, { agencyOf: agencyOfId, keyOf: sectionsKeyOf })
 */
export function startReuseBeside(memo?: ReuseMemoPlace, perMessage = listingsPerMessage): ReuseBeside {
  const file = openTemporary('listings')
  if (file === null) return findReuseHere()
  const worker = new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData: { role, memo, perMessage, fd: file.fd } })
  // A build that stops before it asks (a load that failed) is not held open by the worker.
  worker.unref()
  let onFound = (_found: ReuseFindings | null): void => {}
  const found = new Promise<ReuseFindings | null>((resolve) => (onFound = resolve))
  let onFinished = (): void => {}
  const finished = new Promise<void>((resolve) => (onFinished = resolve))
  let answered = false
  const end = (): void => {
    // The file is closed once no listing that reads it is left; a worker that failed before answering leaves none.
    if (!answered) closeHeld(file)
    onFound(null)
    onFinished()
  }
  const byReport = new Map<string, ReportReuse>()
  // The reports asked about, for the repeated passages' text: the worker lets go of its copies' text early.
  let reportOf = (_id: string): Report | undefined => undefined
  worker.on('message', (message: FromWorker) => {
    if ('listings' in message) {
      // The ids arrive as copies, one string per mention: this thread's own are kept instead (at 30,000 reports the
      // copies, named by the side-by-side pages' report lists, were ~20 MB of the render's heap).
      const ownId = (id: string): string => reportOf(id)?.id ?? id
      for (const [id, place] of message.listings) {
        const { at, bytes } = place
        const summary = summaryOf(place)
        summary.others = summary.others.map(ownId)
        byReport.set(ownId(id), storedReportReuse(summary, () => readListing(file, { at, bytes })))
      }
      worker.postMessage({ next: true } satisfies ToWorker)
    } else if ('found' in message) {
      answered = true
      writePassageTexts(message.found.repeated, reportOf)
      onFound({ byReport, repeated: message.found.repeated })
    } else {
      end()
      void worker.terminate()
    }
  })
  worker.once('error', end)
  worker.once('exit', end)
  return {
    find: async (reports, { agencyOf, keyOf, entryOf }) => {
      // From here the build waits for the worker: it holds the process open until it has answered and kept its memo.
      worker.ref()
      const byId = new Map(reports.map((report) => [report.id, report]))
      reportOf = (id) => byId.get(id)
      const posted = reports.map((report) => {
        const entry = entryOf?.(report)
        return entry === undefined ? reuseReportOf(report) : { id: report.id, year: report.year, entry }
      })
      worker.postMessage({ reports: posted, agencies: reports.map(agencyOf), large: entryOf !== undefined } satisfies ToWorker)
      worker.postMessage({ keys: keyOf ? reports.map(keyOf) : null } satisfies ToWorker)
      return (await found) ?? findReuse(reports, { agencyOf })
    },
    finished,
    close: () => void worker.terminate(),
  }
}

/** `startReuseBeside` without the worker: `findReuse` in this thread, when asked, without a memo. */
function findReuseHere(): ReuseBeside {
  return { find: async (reports, { agencyOf }) => findReuse(reports, { agencyOf }), finished: Promise.resolve(), close: () => {} }
}

/**
 * What `findReuse` reads of a report, and only that, for the worker: copying whole reports to it (their metadata,
 * headings, positions) cost the build thread and the worker ~1.8 s at 10,000 reports; this ~1.1 s.
 */
function reuseReportOf(report: Report): ReuseReport {
  return { id: report.id, year: report.year, sections: report.sections.map(paragraphsOf) }
}

/**
 * A posted report as the worker reads it. One posted without its text reads its sections from its parse cache entry
 * each time they are asked for — once, as `findReuse` makes its units — until they are set (`releaseTexts`): the
 * worker holds one report's text at a time, not every report's until all are folded (~1 GB at 100,000 reports).
 */
export function receivePosted(report: ReuseReport | StoredReuseReport): ReuseReport {
  if (!('entry' in report)) return report
  const { id, year, entry } = report
  return readingSections<ReuseReport>({ id, year, sections: [] }, entry, readParagraphs)
}

/** A parse cache entry's sections as the worker folds them: one function for every report (`readingSections`). */
function readParagraphs(entry: string): ParagraphSection[] {
  return readStoredSections(entry).map(paragraphsOf)
}

function paragraphsOf(section: ParagraphSection): ParagraphSection {
  const { anchor, kind, paragraphs, paragraphAnchors, children } = section
  return { anchor, kind, paragraphs, ...(paragraphAnchors ? { paragraphAnchors } : {}), children: children.map(paragraphsOf) }
}

/**
 * `findReuse` in a worker thread, with its memo when `memo` is given: `startReuseBeside(memo).find(…)`, waiting
 * for the memo to be written.
 */
export async function findReuseBeside(reports: readonly Report[], agencyOf: (report: Report) => string, memo?: ReuseMemoPlace & { keys: readonly string[] }, perMessage?: number): Promise<ReuseFindings> {
  const beside = startReuseBeside(memo && { file: memo.file, version: memo.version }, perMessage)
  const keys = new Map(reports.map((report, index) => [report, memo?.keys[index] ?? '']))
  const findings = await beside.find(reports, { agencyOf, ...(memo ? { keyOf: (report: Report) => keys.get(report) ?? '' } : {}) })
  await beside.finished
  return findings
}

// Worker side: this same module, started by `startReuseBeside`, reads its memo, waits for the reports, finds the
// reuse, answers, and keeps its memo.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const port = parentPort
  const { memo, perMessage, fd } = workerData as { memo?: ReuseMemoPlace; perMessage: number; fd: number }
  const listings = createListingStore(fd)
  // Read while the build loads its reports, each kept listing's text written to the listings file as it is read; a
  // memo that cannot be read is an empty one. Let go once used.
  let earlier: Promise<ReuseMemo> | null = memo ? readReuseMemo(memo.file, memo.version, (text) => listings.store(text).listing).finally(listings.flush) : null
  // The reports, then their keys: the first is taken in while the build makes the second. Nothing holds the
  // reports once the reuse is found (`findAndStore`), not even this function's frame.
  port.once('message', (first: Extract<ToWorker, { reports: unknown }>) => {
    let reports: Received | null = { agencies: first.agencies, reports: first.reports.map(receivePosted), large: first.large }
    port.once('message', (second: Extract<ToWorker, { keys: unknown }>) => {
      const taken = reports
      reports = null
      if (taken) void answer(findWithMemo(taken, second.keys ?? undefined))
    })
  })
  const findWithMemo = async (reports: Received, keys: string[] | undefined): Promise<Stored> => {
    const kept = earlier && keys ? { earlier: await earlier, now: createReuseMemo() } : undefined
    earlier = null
    const stored = findAndStore(reports, keys, listings, kept)
    if (!reports.large || !memo || !stored.now) return stored
    // A large build's memo is written before the answer, and let go: at 100,000 reports it was ~0.6 GB of this
    // worker's heap while the build thread took in the answer and began its render (the build's peak), and the
    // build thread is still at its own part of the analysis when this worker is done (seconds of a half-hour build).
    await writeReuseMemo(memo.file, memo.version, stored.now)
    return { stored: stored.stored, repeated: stored.repeated }
  }
  const answer = async (found: Promise<Stored>): Promise<void> => {
    const { stored, repeated, now } = await found
    await postListings(port, stored, perMessage)
    port.postMessage({ found: { repeated } } satisfies FromWorker)
    if (memo && now) await writeReuseMemo(memo.file, memo.version, now)
    port.postMessage({ kept: true } satisfies FromWorker)
  }
}

/** The reports as the worker finds their reuse, each with its paragraphs, and their agencies. */
interface Received {
  reports: ReuseReport[]
  agencies: string[]
  /** Whether they are a large build's (`ReuseAsked.entryOf` given): folded text in a file, the memo written before the answer. */
  large: boolean
}

/** What the worker keeps once the reuse is found: where each listing is, the repeated passages, and its memo. */
interface Stored {
  stored: [string, StoredListing][]
  repeated: ReuseFindings['repeated']
  now?: ReuseMemo
}

/** The worker's listings written to the listings file, each then read from there, and where each is. */
interface ListingStore {
  store: (text: ListingText) => { listing: ReportReuse; place: StoredListing }
  placeOf: Map<ReportReuse, StoredListing>
  /** Write what is queued: before any listing is read. */
  flush: () => void
}

function createListingStore(fd: number): ListingStore {
  const file: HeldFile = { fd }
  const writer = createListingsWriter(fd)
  const placeOf = new Map<ReportReuse, StoredListing>()
  const store = (text: ListingText): { listing: ReportReuse; place: StoredListing } => {
    const place = writer.add(text)
    const { at, bytes } = place
    const listing = storedReportReuse(summaryOf(place), () => readListing(file, { at, bytes }))
    placeOf.set(listing, place)
    return { listing, place }
  }
  return { store, placeOf, flush: writer.flush }
}

/**
 * Find the reuse, each listing's text written to the listings file as it is made (`keepListing`), and keep in
 * `kept.now` listings that read their text from there. What is returned holds neither the reports nor the texts: at
 * 100,000 reports the texts piled up beside the reports and their folded text (the worker's peak, ~5.9 GB), and both
 * stayed, ~1.5 GB each, while the worker waited for the build thread to take in its answer and wrote its memo.
 */
function findAndStore(message: Received, keys: string[] | undefined, listings: ListingStore, kept: Omit<ReuseKept, 'keyOf'> | undefined): Stored {
  const { reports, agencies, large } = message
  const agencyById = new Map(reports.map((report, index) => [report.id, agencies[index] ?? '']))
  const keyById = new Map(reports.map((report, index) => [report.id, keys?.[index] ?? '']))
  const keyOf = (report: ReuseReport): string => keyById.get(report.id) ?? ''
  const { store, placeOf } = listings
  // Without a temporary file, in memory, as a smaller build's.
  const folded = large ? openFoldedFile() : null
  let findings: ReuseFindings
  try {
    findings = findReuse(reports, {
      agencyOf: (report) => agencyById.get(report.id) ?? '',
      ...(folded ? { folded } : {}),
      ...(large ? { spillBands: spillKeys } : {}),
      keepListing: (text) => store(text).listing,
      // The reports are this worker's copies: what findReuse still needs of their text, it holds itself; the repeated
      // passages' text is written by the build thread (`writePassageTexts`).
      releaseTexts: () => {
        for (const report of reports) report.sections = []
      },
      ...(kept ? { kept: { ...kept, keyOf } } : {}),
    })
  } finally {
    // The findings name paragraphs, never read them again.
    folded?.close()
  }
  // Each listing was written as it was made, or as the memo was read; one still in memory (a memo read elsewhere) is
  // written now, and read from the file after.
  const rewritten = new Map<ReportReuse, ReportReuse>()
  const stored = [...findings.byReport].map(([id, listing]): [string, StoredListing] => {
    const place = placeOf.get(listing)
    if (place) return [id, place]
    const written = store(listingTextOf(listing))
    rewritten.set(listing, written.listing)
    return [id, written.place]
  })
  listings.flush()
  for (const [key, entry] of kept?.now.listings ?? []) {
    const listing = rewritten.get(entry.listing)
    if (listing) kept?.now.listings.set(key, { listing, reads: entry.reads })
  }
  return { stored, repeated: findings.repeated, ...(kept ? { now: kept.now } : {}) }
}

/** Post where each listing is, `perMessage` at a time, each piece once the build thread has taken in the one before. */
async function postListings(port: MessagePort, stored: readonly [string, StoredListing][], perMessage: number): Promise<void> {
  for (let at = 0; at < stored.length; at += perMessage) {
    const taken = new Promise((resolve) => port.once('message', resolve))
    port.postMessage({ listings: stored.slice(at, at + perMessage) } satisfies FromWorker)
    await taken
  }
}
