import { spawn } from 'node:child_process'
import { totalmem } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import { listReportFolder } from '../ingest/index.ts'
import { describeWithRule } from '../messages.ts'

/**
 * Heap the build's thread needs: a base (modules, an Eleventy run's garbage before it is collected) and a share per
 * report. At 100,000 reports its live heap was 2.6 GB after loading and composing the page data (25.7 KB a report),
 * and the analysis adds its listings' text (7.4 KB a report) and the rest of its figures (docs/performance.md,
 * session 17). Node's default limit is about a quarter of the machine's memory, at most ~4 GB: on this project's
 * 24 GB machine a build of ~90,000 reports passes it; on an 8 GB laptop one of ~40,000.
 */
export const heapBase = 0.5 * 2 ** 30
export const heapPerReport = 40 * 2 ** 10

/** Share of the machine's memory a relaunched build may take as its heap limit (a cap, not a reservation). */
const machineShare = 0.75

/** What the heap limit should be for a build of `reports` reports: null when `limit` is enough. */
export function planHeap(reports: number, limit: number, machine: number): { needed: number; ask: number; short: boolean } | null {
  const needed = heapBase + reports * heapPerReport
  const ask = Math.floor(machine * machineShare)
  if (needed <= limit || ask <= limit) return null
  return { needed, ask, short: ask < needed }
}

/** Whether the heap limit was set by whoever started Node (a flag or `NODE_OPTIONS`): then it is theirs to choose. */
export function heapLimitSet(execArgv: readonly string[], nodeOptions = ''): boolean {
  return nodeFlagGiven('max-old-space-size', execArgv, nodeOptions)
}

/** Whether whoever started Node gave it the flag `--{name}` (dashes or underscores), as an argument or in `NODE_OPTIONS`. */
export function nodeFlagGiven(name: string, execArgv: readonly string[], nodeOptions = ''): boolean {
  const pattern = new RegExp(`^--${name.split(/[-_]/).join('[-_]')}\\b`)
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => pattern.test(flag))
}

/**
 * glibc's malloc arenas a relaunched build may use (`MALLOC_ARENA_MAX`, unless set already; other C libraries ignore
 * it). By default each thread that allocates gets its own, up to eight per core, and an arena keeps what its thread
 * freed: the parse workers', the reuse worker's and the index workers' buffers. At 100,000 reports the process's
 * resident memory while the reuse worker finished was 11.5 GB with the default, 10.2 GB with two (docs/performance.md,
 * session 22); at 10,000 the peak 2,674 → 2,331 MB.
 */
export const mallocArenas = 2

/**
 * The size from which glibc's malloc maps a block of its own, returned to the system when freed (`MALLOC_MMAP_THRESHOLD_`
 * and `MALLOC_TRIM_THRESHOLD_`, unless set already), fixed at its default 128 KB: left to itself glibc raises it to
 * the largest block freed so far (up to 32 MB), after which such blocks come from the arenas and stay in them. A
 * relaunched build only: at 30,000 and 10,000 reports the peak fell 8% (1,679 → 1,547 MB; 2,160–2,187 →
 * 1,981–1,992 MB) for up to 9% more CPU (docs/performance.md, session 31), a cost the smaller builds' time target
 * does not take.
 */
export const mmapThreshold = 128 * 2 ** 10

/** The C library's settings a relaunched build gets, each unless set already (other C libraries ignore them). */
function mallocSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return {
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || String(mallocArenas),
    MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ || String(mmapThreshold),
    MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ || String(mmapThreshold),
  }
}

/** Set in a relaunched build, so it is never relaunched again. */
const relaunchedMark = 'FAZHI_HEAP_RELAUNCHED'

/**
 * Run this script again with a larger heap limit when the build of `reportsDir` needs more than Node's default
 * (`planHeap`) and no one set the limit: a 100,000-report build otherwise dies with V8's English "heap out of memory"
 * after minutes. The relaunched build also gets `mallocArenas` and `mmapThreshold`. Says so in Chinese (`[heap-limit]`) and resolves
 * with the relaunched build's exit code; null when this process goes on itself. `reports` counts the folder's
 * reports unless given.
 */
export async function relaunchWithHeap(reportsDir: string, reports?: number): Promise<number | null> {
  if (process.env[relaunchedMark] === '1' || heapLimitSet(process.execArgv, process.env.NODE_OPTIONS)) return null
  const count = reports ?? (await listReportFolder(reportsDir).then((folder) => folder.reports.length, () => 0))
  const limit = getHeapStatistics().heap_size_limit
  const plan = planHeap(count, limit, totalmem())
  if (!plan) return null
  const megabytes = Math.floor(plan.ask / 2 ** 20)
  const size = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GB`
  console.error(describeWithRule('heap-limit', { reports: count.toLocaleString('en-US'), needed: size(plan.needed), limit: size(limit), ask: String(megabytes), short: plan.short }))
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${megabytes}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ...mallocSettings(process.env), [relaunchedMark]: '1' },
  })
  // Ctrl-C reaches the relaunched build by itself (same process group): this one waits for it to stop. A
  // termination sent to this process alone is passed on.
  const wait = (): void => {}
  const forward = (): void => void child.kill('SIGTERM')
  process.on('SIGINT', wait).on('SIGTERM', forward)
  return new Promise((resolve) => {
    child.on('error', () => resolve(1))
    child.on('exit', (code, signal) => {
      process.off('SIGINT', wait).off('SIGTERM', forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
