import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads'
import { createReuseMemo, findReuse, lazyReportReuse, listingTextOf, type ListingText, type ParagraphSection, type ReportReuse, type ReuseFindings, type ReuseMemo, type ReuseReport } from '../analysis/index.ts'
import { readReuseMemo, writeReuseMemo } from './reuse-memo-file.ts'
import { tsxWorkerShim } from '../tsx-private/tsx-worker-shim.ts'
import type { Report } from '../types.ts'

const role = 'fazhi-reuse-worker'

/** Where the reuse memo lives and the analysis version it must be of. */
export interface ReuseMemoPlace {
  file: string
  version: string
}

/** A worker thread that finds text reuse beside this thread, started before the reports are there. */
export interface ReuseBeside {
  /**
   * Find the reuse of these reports (once), with each report's sections key (`keyOf`) when there is a memo. The
   * reports are posted first and the keys after, so the worker takes in the reports while this thread makes the keys.
   */
  find: (reports: readonly Report[], agencyOf: (report: Report) => string, keyOf?: (report: Report) => string) => Promise<ReuseFindings>
  /** Settles once the worker has written its memo and ended, or failed. */
  finished: Promise<void>
  /** End the worker now (a build that stopped before it was asked). */
  close: () => void
}

/**
 * Messages to the worker: the reports (what `findReuse` reads) and their agencies, then their sections keys (null: no
 * memo), then one `next` for each piece of the answer taken in.
 */
type ToWorker = { reports: ReuseReport[]; agencies: string[] } | { keys: string[] | null } | { next: true }

/**
 * Messages from the worker: the listings in pieces (each report's as JSON text and its summary), then the rest of the
 * findings, then that the memo is written.
 */
type FromWorker = { listings: [string, ListingText][] } | { found: { repeated: ReuseFindings['repeated'] } } | { kept: true }

/**
 * Listings per message. At 100,000 reports the listings are ~740 million characters: as one message, its text, its
 * copy in transit and the copy received were all alive at once (+5.4 GB, the build's peak); in pieces, one piece is.
 */
export const listingsPerMessage = 2_000

/**
 * Start `findReuse`'s worker thread now, so that it loads its code and reads its memo (src/build/reuse-memo-file.ts)
 * while this thread loads the reports; `find` then hands it the reports. Text reuse is the analysis's largest part,
 * and this thread meanwhile does the rest of it. The worker answers first and writes its memo after (`finished`).
 * Each listing comes back as JSON text with what every page needs of it (`ListingText`; a kept listing's is the
 * text the memo was read from), `listingsPerMessage` at a time, each piece sent once the one before is taken in, and
 * stays text here (`lazyReportReuse`): read only for the pages a build renders.
 * Same result as `findReuse` (a pure function of the reports and their agencies); should the worker fail, it is
 * computed here instead.
 * @example const reuse = startReuseBeside(place); …load…; const found = await reuse.find(reports, agencyOfId, sectionsKeyOf)
 */
export function startReuseBeside(memo?: ReuseMemoPlace, perMessage = listingsPerMessage): ReuseBeside {
  const worker = new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData: { role, memo, perMessage } })
  // A build that stops before it asks (a load that failed) is not held open by the worker.
  worker.unref()
  let onFound = (_found: ReuseFindings | null): void => {}
  const found = new Promise<ReuseFindings | null>((resolve) => (onFound = resolve))
  let onFinished = (): void => {}
  const finished = new Promise<void>((resolve) => (onFinished = resolve))
  const end = (): void => {
    onFound(null)
    onFinished()
  }
  const byReport = new Map<string, ReportReuse>()
  worker.on('message', (message: FromWorker) => {
    if ('listings' in message) {
      for (const [id, text] of message.listings) byReport.set(id, lazyReportReuse(text))
      worker.postMessage({ next: true } satisfies ToWorker)
    } else if ('found' in message) {
      onFound({ byReport, repeated: message.found.repeated })
    } else {
      end()
      void worker.terminate()
    }
  })
  worker.once('error', end)
  worker.once('exit', end)
  return {
    find: async (reports, agencyOf, keyOf) => {
      // From here the build waits for the worker: it holds the process open until it has answered and kept its memo.
      worker.ref()
      worker.postMessage({ reports: reports.map(reuseReportOf), agencies: reports.map(agencyOf) } satisfies ToWorker)
      worker.postMessage({ keys: keyOf ? reports.map(keyOf) : null } satisfies ToWorker)
      return (await found) ?? findReuse(reports, { agencyOf })
    },
    finished,
    close: () => void worker.terminate(),
  }
}

/**
 * What `findReuse` reads of a report, and only that, for the worker: copying whole reports to it (their metadata,
 * headings, positions) cost the build thread and the worker ~1.8 s at 10,000 reports; this ~1.1 s.
 */
function reuseReportOf(report: Report): ReuseReport {
  return { id: report.id, year: report.year, sections: report.sections.map(paragraphsOf) }
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
  const findings = await beside.find(reports, agencyOf, memo ? (report) => keys.get(report) ?? '' : undefined)
  await beside.finished
  return findings
}

// Worker side: this same module, started by `startReuseBeside`, reads its memo, waits for the reports, finds the
// reuse, answers, and keeps its memo.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const port = parentPort
  const { memo, perMessage } = workerData as { memo?: ReuseMemoPlace; perMessage: number }
  // Read while the build loads its reports; a memo that cannot be read is an empty one.
  const earlier: Promise<ReuseMemo> | null = memo ? readReuseMemo(memo.file, memo.version) : null
  // The reports, then their keys: the first is taken in while the build makes the second.
  port.once('message', (first: Extract<ToWorker, { reports: unknown }>) => {
    port.once('message', (second: Extract<ToWorker, { keys: unknown }>) => void find(first, second.keys ?? undefined))
  })
  const find = async ({ reports, agencies }: { reports: ReuseReport[]; agencies: string[] }, keys: string[] | undefined): Promise<void> => {
    const agencyById = new Map(reports.map((report, index) => [report.id, agencies[index] ?? '']))
    const agencyOf = (report: ReuseReport): string => agencyById.get(report.id) ?? ''
    const keyById = new Map(reports.map((report, index) => [report.id, keys?.[index] ?? '']))
    const kept = earlier && keys ? { keyOf: (report: ReuseReport) => keyById.get(report.id) ?? '', earlier: await earlier, now: createReuseMemo() } : undefined
    const findings = findReuse(reports, { agencyOf, ...(kept ? { kept } : {}) })
    await postListings(port, findings.byReport, perMessage)
    port.postMessage({ found: { repeated: findings.repeated } } satisfies FromWorker)
    if (memo && kept) await writeReuseMemo(memo.file, memo.version, kept.now)
    port.postMessage({ kept: true } satisfies FromWorker)
  }
}

/**
 * Post the listings (already text: `findReuse` keeps them so), `perMessage` at a time, each piece once the build
 * thread has taken in the one before.
 */
async function postListings(port: MessagePort, byReport: ReadonlyMap<string, ReportReuse>, perMessage: number): Promise<void> {
  let piece: [string, ListingText][] = []
  const send = async (): Promise<void> => {
    const taken = new Promise((resolve) => port.once('message', resolve))
    port.postMessage({ listings: piece } satisfies FromWorker)
    piece = []
    await taken
  }
  for (const [id, listing] of byReport) {
    piece.push([id, listingTextOf(listing)])
    if (piece.length === perMessage) await send()
  }
  if (piece.length > 0) await send()
}
