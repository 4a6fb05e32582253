import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { findReuse, type ReuseFindings } from '../analysis/index.ts'
import { tsxWorkerShim } from '../tsx-private/tsx-worker-shim.ts'
import type { Report } from '../types.ts'

const role = 'fazhi-reuse-worker'

/**
 * `findReuse` in a worker thread, so this thread can do the rest of the analysis meanwhile: text reuse is its
 * largest part (~12 of ~25 s at 10,000 reports) and the second core has time to spare while the render holds this
 * one. The reports are copied to the worker (~1.3 s at 10,000) and the findings back. Same result as `findReuse`
 * (a pure function of the reports and their agencies); should the worker fail, it is computed here instead.
 * @example const reuse = findReuseBeside(reports, agencyOfId); const rest = …; use(await reuse)
 */
export function findReuseBeside(reports: readonly Report[], agencyOf: (report: Report) => string): Promise<ReuseFindings> {
  const agencies = reports.map(agencyOf)
  const here = (): ReuseFindings => findReuse(reports, { agencyOf })
  return new Promise<ReuseFindings>((resolve) => {
    let settled = false
    const settle = (findings: () => ReuseFindings): void => {
      if (settled) return
      settled = true
      resolve(findings())
    }
    const worker = new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData: { role, reports, agencies } })
    worker.once('message', (findings: ReuseFindings) => {
      settle(() => findings)
      void worker.terminate()
    })
    worker.once('error', () => settle(here))
    worker.once('exit', () => settle(here))
  })
}

// Worker side: this same module, started by `findReuseBeside`, finds the reuse and posts it back.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const { reports, agencies } = workerData as { reports: Report[]; agencies: string[] }
  const agencyById = new Map(reports.map((report, index) => [report.id, agencies[index] ?? '']))
  parentPort.postMessage(findReuse(reports, { agencyOf: (report) => agencyById.get(report.id) ?? '' }))
}
