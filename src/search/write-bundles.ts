import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { tsxWorkerShim } from '../tsx-private/tsx-worker-shim.ts'
import { createMessage } from '../messages.ts'
import type { Result } from '../types.ts'
import { writeBundle, type BundleCount, type BundleJob } from './write-bundle.ts'

/** A bundle to write: its pages, and its job, made when the bundle is started (its records exist from then on only). */
export interface BundleTask {
  pages: number
  job: () => BundleJob
}

const role = 'fazhi-index-worker'

/** How `writeBundles` reports and paces. */
export interface WriteBundlesOptions {
  /** Called once per page indexed, from whichever bundle. */
  onPage?: () => void
  /** Until it settles only one bundle is written at a time. Default: none. */
  whileBusy?: PromiseLike<unknown>
  /** Called once the first bundle's worker thread exists (or there is no job): it then needs nothing of this thread. */
  onStarted?: () => void
}

/**
 * Write bundles `parallel` at a time, each in its own worker thread (making the index words and writing the files is
 * CPU work: it scales with cores). Memory is bounded by
 * `parallel` bundles. Until `whileBusy` settles only one is written at a time: the calling thread is busy with
 * other work (the build analyses and renders meanwhile), which takes a core and memory of its own. Results come back
 * in job order whatever order the workers finish in.
 * @example await writeBundles(jobs, 2, { onPage, whileBusy: rendering })
 */
export async function writeBundles(jobs: readonly BundleTask[], parallel: number, options: WriteBundlesOptions = {}): Promise<Result<BundleCount>[]> {
  const onPage = options.onPage ?? (() => {})
  const whileBusy = options.whileBusy ?? Promise.resolve()
  let started = options.onStarted
  const start = (): void => {
    started?.()
    started = undefined
  }
  // One bundle and nothing else to do: in this thread. With the caller busy, even one bundle gets a worker, so it
  // goes on beside the caller's work (a rebuild's one bundle beside its analysis and rendering).
  if (parallel <= 1 || jobs.length === 0 || (jobs.length === 1 && options.whileBusy === undefined)) {
    start()
    const results: Result<BundleCount>[] = []
    for (const task of jobs) results.push(await writeBundle(task.job(), onPage))
    return results
  }
  const results: Result<BundleCount>[] = new Array(jobs.length)
  // Biggest bundles first, so the last one to start is a small one.
  const queue = [...jobs.keys()].sort((a, b) => (jobs[b]?.pages ?? 0) - (jobs[a]?.pages ?? 0) || a - b)
  const runWorker = async (): Promise<void> => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const task = jobs[index]
      if (task) results[index] = await runInWorker(task.job(), onPage, start)
    }
  }
  const first = runWorker()
  // The other slots open once the caller is no longer busy, or never if the first slot has written every bundle.
  const opened = Promise.race([Promise.resolve(whileBusy).then(() => true, () => true), first.then(() => false)])
  const others = Array.from({ length: Math.min(parallel, jobs.length) - 1 }, async () => ((await opened) ? runWorker() : undefined))
  await Promise.all([first, ...others])
  return results
}

/** How long a worker that has reported may take to exit on its own before it is stopped. */
const exitGrace = 5000

/**
 * One job in a fresh worker thread; a crash becomes a `pagefind-error` message naming the bundle. The worker is let
 * exit by itself once it has reported, and stopped if it does not.
 */
function runInWorker(job: BundleJob, onPage: () => void, onCreated: () => void): Promise<Result<BundleCount>> {
  const worker = new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData: { role, job } })
  onCreated()
  // The worker has its copy: this thread keeps only what a crash message names. No closure here may name the job:
  // the listeners' scope would hold its records (the bundle's text) until the worker exits.
  return awaitWorker(worker, job.siteDir, job.folder, onPage)
}

/** A bundle worker's result, once it has reported and exited (or crashed). */
function awaitWorker(worker: Worker, siteDir: string, folder: string, onPage: () => void): Promise<Result<BundleCount>> {
  return new Promise((resolve) => {
    let result: Result<BundleCount> | null = null
    let timer: NodeJS.Timeout | undefined
    const crash = (reason: string): Result<BundleCount> => ({
      value: null,
      messages: [createMessage('pagefind-error', { file: siteDir, severity: 'error' }, { step: 'crash', detail: `${folder}：${reason}` })],
    })
    worker.on('message', (reported: WorkerMessage) => {
      if (reported.kind === 'page') return onPage()
      result = reported.result
      timer = setTimeout(() => void worker.terminate(), exitGrace)
    })
    worker.once('error', (error) => {
      result ??= crash(String(error))
    })
    worker.once('exit', (code) => {
      clearTimeout(timer)
      resolve(result ?? crash(`the worker exited with code ${code}`))
    })
  })
}

/** What a worker posts: a page indexed, then its bundle's result. */
type WorkerMessage = { kind: 'page' } | { kind: 'done'; result: Result<BundleCount> }

// Worker side: this same module, started by `runInWorker`, writes its one bundle and reports back.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const port = parentPort
  const { job } = workerData as { job: BundleJob }
  const post = (message: WorkerMessage): void => port.postMessage(message)
  void writeBundle(job, () => post({ kind: 'page' })).then((result) => post({ kind: 'done', result }))
}
