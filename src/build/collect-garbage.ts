import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { nodeFlagGiven } from './heap-limit.ts'

/**
 * Collect this thread's garbage now (a full GC). After rendering, the heap holds the page data and HTML of thousands
 * of pages, all garbage, and V8 keeps it until its own next full collection: at 10,000 reports the build's process
 * held ~2.2 GB just as the index went from one bundle at a time to two, the build's peak. Collected, V8 returns the
 * free pages. The function is `gc`, exposed by the flag for a new context (what test runners' leak detectors do).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
}

/**
 * A `collectGarbage` that runs only once the heap in use has grown since it last ran (or was made) by `bytes`, or by
 * half of what it held then if that is more: between steps that each leave garbage. A full collection costs in
 * proportion to what is held, so it waits for garbage in proportion too. At 100,000 reports the build holds ~5.1 GB:
 * collecting whenever 1.5 GB was in use made a collection after every Eleventy run (131, 3.4 s each, 442 s of pauses);
 * after a fixed 1 GB of growth, one every ~45 s of the render.
 * `heapUsed` and `collect` are this thread's unless given (a test gives its own, to follow the budget exactly).
 */
export function collectGarbageAfterGrowth(bytes: number, heapUsed = (): number => process.memoryUsage().heapUsed, collect = collectGarbage): () => void {
  let base = heapUsed()
  return () => {
    if (heapUsed() - base <= Math.max(bytes, base / 2)) return
    collect()
    base = heapUsed()
  }
}

/**
 * How much a heap may grow past what its last full collection left, in percent, while a large build analyses and
 * renders (`capHeapGrowth`). V8 otherwise picks a factor of up to 4× by how fast it collects against how fast the
 * program allocates, and a build allocates fast: at 30,000 reports the build's peak fell from 3,470 to 3,020 MB at
 * 50%, its CPU seconds rose from 740 to 773. At 100,000 at 50% the reuse worker reached 1.59 GB with 1.06 GB live, the
 * build's peak (5.0 GB); at 25% through the analysis (it was the render's alone since session 27) the analysis's
 * peak fell to 4.2 GB for the same render time (docs/performance.md, session 28).
 */
export const largeBuildHeapGrowth = 25

/** `largeBuildHeapGrowth` once the pages are written: the index's last bundles, two at a time, and the open data. */
export const largeIndexHeapGrowth = 50

/**
 * Let every heap of this process (V8's flags are the process's: its worker threads too) grow by at most `percent`
 * past what its last full collection left, from the next collection on. Not when the flag was given to Node: a
 * user's setting stands. Returns whether it was set.
 */
export function capHeapGrowth(percent = largeBuildHeapGrowth, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if (nodeFlagGiven('heap-growing-percent', execArgv, nodeOptions)) return false
  setFlagsFromString(`--heap-growing-percent=${percent}`)
  return true
}

/**
 * Semi-space of the worker threads a large build starts from here on (its index bundles), in MB: V8's default. The
 * scripts give Node 64 (`--max-semi-space-size`, faster for the build's own thread), which every thread takes: a young
 * generation of ~3 × 64 MB in each bundle's worker beside the render's heap, the build's largest moment at 100,000
 * reports. A worker's `resourceLimits` cannot lower it (V8 takes the flag over them); the flag, read when a thread's
 * heap is made, can, for the threads made after.
 */
export const workerSemiSpaceMb = 16

/** Let the threads made from now on have a semi-space of `mb` (not the running ones: theirs is set). */
export function setWorkerSemiSpace(mb = workerSemiSpaceMb): void {
  setFlagsFromString(`--max-semi-space-size=${mb}`)
}
