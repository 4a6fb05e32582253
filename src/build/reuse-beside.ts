import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { createReuseMemo, findReuse, type ReuseFindings } from '../analysis/index.ts'
import { readReuseMemo, writeReuseMemo } from './reuse-memo-file.ts'
import { tsxWorkerShim } from '../tsx-private/tsx-worker-shim.ts'
import type { Report } from '../types.ts'

const role = 'fazhi-reuse-worker'

/**
 * `findReuse` in a worker thread, so this thread can do the rest of the analysis meanwhile: text reuse is its
 * largest part (~12 of ~25 s at 10,000 reports) and the second core has time to spare while the render holds this
 * one. The reports are copied to the worker (~1.3 s at 10,000) and the findings back. Same result as `findReuse`
 * (a pure function of the reports and their agencies); should the worker fail, it is computed here instead.
 * With `memo`, the worker reads what an earlier run kept (src/build/reuse-memo-file.ts) and writes what this one
 * used before it answers: after one report changed, most of the work is kept (docs/performance.md).
 * @example const reuse = findReuseBeside(reports, agencyOfId); const rest = …; use(await reuse)
 */
export function findReuseBeside(reports: readonly Report[], agencyOf: (report: Report) => string, memo?: ReuseMemoPlace): Promise<ReuseFindings> {
  const agencies = reports.map(agencyOf)
  const here = (): ReuseFindings => findReuse(reports, { agencyOf })
  return new Promise<ReuseFindings>((resolve) => {
    let settled = false
    const settle = (findings: () => ReuseFindings): void => {
      if (settled) return
      settled = true
      resolve(findings())
    }
    const worker = new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData: { role, reports, agencies, memo } })
    worker.once('message', (findings: ReuseFindings) => {
      settle(() => findings)
      void worker.terminate()
    })
    worker.once('error', () => settle(here))
    worker.once('exit', () => settle(here))
  })
}

/** Where the reuse memo lives, the analysis version it must be of, and each report's sections key, in `reports` order. */
export interface ReuseMemoPlace {
  file: string
  version: string
  keys: readonly string[]
}

// Worker side: this same module, started by `findReuseBeside`, finds the reuse and posts it back.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const port = parentPort
  const { reports, agencies, memo } = workerData as { reports: Report[]; agencies: string[]; memo?: ReuseMemoPlace }
  const agencyById = new Map(reports.map((report, index) => [report.id, agencies[index] ?? '']))
  const agencyOf = (report: Report): string => agencyById.get(report.id) ?? ''
  if (!memo) port.postMessage(findReuse(reports, { agencyOf }))
  else {
    const keyById = new Map(reports.map((report, index) => [report.id, memo.keys[index] ?? '']))
    const kept = { keyOf: (report: Report) => keyById.get(report.id) ?? '', earlier: await readReuseMemo(memo.file, memo.version), now: createReuseMemo() }
    const findings = findReuse(reports, { agencyOf, kept })
    await writeReuseMemo(memo.file, memo.version, kept.now)
    port.postMessage(findings)
  }
}
