import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { createReuseMemo, findReuse, lazyReportReuse, listingTextOf, type ListingText, type ParagraphSection, type ReuseFindings, type ReuseMemo, type ReuseReport } from '../analysis/index.ts'
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

/** Messages to the worker: the reports (what `findReuse` reads) and their agencies, then their sections keys (null: no memo). */
type ToWorker = { reports: ReuseReport[]; agencies: string[] } | { keys: string[] | null }

/** Messages from the worker: the findings (each report's listing as JSON text and its summary), then that the memo is written. */
type FromWorker = { found: { byReport: [string, ListingText][]; repeated: ReuseFindings['repeated'] } } | { kept: true }

/**
 * Start `findReuse`'s worker thread now, so that it loads its code and reads its memo (src/build/reuse-memo-file.ts)
 * while this thread loads the reports; `find` then hands it the reports. Text reuse is the analysis's largest part,
 * and this thread meanwhile does the rest of it. The worker answers first and writes its memo after (`finished`).
 * Each listing comes back as JSON text with what every page needs of it (`ListingText`; a kept listing's is the
 * text the memo was read from), and stays text here (`lazyReportReuse`): read only for the pages a build renders.
 * Same result as `findReuse` (a pure function of the reports and their agencies); should the worker fail, it is
 * computed here instead.
 * @example const reuse = startReuseBeside(place); …load…; const found = await reuse.find(reports, agencyOfId, sectionsKeyOf)
 */
export function startReuseBeside(memo?: ReuseMemoPlace): ReuseBeside {
  const worker = new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData: { role, memo } })
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
  worker.on('message', (message: FromWorker) => {
    if ('found' in message) {
      const byReport = new Map(message.found.byReport.map(([id, text]) => [id, lazyReportReuse(text)]))
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
export async function findReuseBeside(reports: readonly Report[], agencyOf: (report: Report) => string, memo?: ReuseMemoPlace & { keys: readonly string[] }): Promise<ReuseFindings> {
  const beside = startReuseBeside(memo && { file: memo.file, version: memo.version })
  const keys = new Map(reports.map((report, index) => [report, memo?.keys[index] ?? '']))
  const findings = await beside.find(reports, agencyOf, memo ? (report) => keys.get(report) ?? '' : undefined)
  await beside.finished
  return findings
}

// Worker side: this same module, started by `startReuseBeside`, reads its memo, waits for the reports, finds the
// reuse, answers, and keeps its memo.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const port = parentPort
  const { memo } = workerData as { memo?: ReuseMemoPlace }
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
    const answer: FromWorker = { found: { byReport: [...findings.byReport].map(([id, listing]) => [id, listingTextOf(listing)]), repeated: findings.repeated } }
    port.postMessage(answer)
    if (memo && kept) await writeReuseMemo(memo.file, memo.version, kept.now)
    port.postMessage({ kept: true } satisfies FromWorker)
  }
}
