import { availableParallelism } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { readReport } from '../ingest/index.ts'
import { parseReport } from '../parse/index.ts'
import { tsxWorkerShim } from '../tsx-private/tsx-worker-shim.ts'
import { createMessage, describeWithRule } from '../messages.ts'
import type { Message, Report, Result } from '../types.ts'
import { mapLimit } from './map-limit.ts'
import { openParseCache, type CachedParse } from './parse-cache.ts'
import { digestSections } from './sections-key.ts'

/** Options for `parseWithWorkers`. */
export interface ParallelParseOptions {
  /** The reports folder the files are under (paths in reports are relative to it). */
  root: string
  /** Worker threads to use; 0 parses in this thread. Default: one per core, fewer for small batches. */
  workers?: number
  /** Cache folder, or null for no cache. Default `.cache/parsed` in the working folder. */
  cacheDir?: string | null
  /** Parser version keying the cache, instead of hashing the stage sources (tests pin it). */
  parserVersion?: string
  /** Called after each file with the number done so far. */
  onProgress?: (done: number, total: number) => void
}

/** Each file's result in input order, and how many were parsed rather than read from the cache. */
export interface ParallelParse {
  /** One result per input file, in the same order. */
  results: CachedParse[]
  /** Per input file, the parse cache entry that holds its result as it is here, or null (no cache, not kept). */
  entries: (string | null)[]
  /** Files parsed in this run (cache misses). */
  parsed: number
  /** Files served from the cache. */
  cached: number
  /** Worker threads started. */
  workers: number
}

/** Files handed to a worker at a time: enough to hide message latency, few enough to balance the load. */
const batchSize = 8
/** Below this many misses a worker's start-up (tsx compiling the stages, ~0.5 s) costs more than it saves. */
const filesPerWorker = 40
const role = 'fazhi-parse-worker'
/** Cache look-ups in flight at once. */
const lookupsAtOnce = 16

/**
 * Read and parse report files across worker threads, reusing cached results for files whose bytes, sidecar and
 * parser sources are unchanged. Results are in input order whatever order workers finish in.
 */
export async function parseWithWorkers(files: readonly string[], options: ParallelParseOptions): Promise<ParallelParse> {
  const dir = options.cacheDir ?? '.cache/parsed'
  const cache =
    options.cacheDir === null ? null : await openParseCache(options.parserVersion ? { dir, version: options.parserVersion } : { dir })
  const results: (CachedParse | undefined)[] = new Array(files.length)
  const keys: (string | null)[] = new Array(files.length).fill(null)
  const entries: (string | null)[] = new Array(files.length).fill(null)
  const misses: number[] = []
  let done = 0
  const progress = (): void => options.onProgress?.(++done, files.length)
  // Look up many files at once: each look-up is a few small reads, and one at a time leaves the disk and the thread pool idle.
  const found = await mapLimit(files, lookupsAtOnce, async (file) => {
    const key = cache ? await cache.keyOf(file, options.root).catch(() => null) : null
    const hit = key && cache ? await cache.get(key) : null
    if (hit) progress()
    return { key, hit }
  })
  for (const [index, { key, hit }] of found.entries()) {
    keys[index] = key
    if (hit && key && cache) {
      results[index] = hit
      entries[index] = cache.fileOf(key)
    } else misses.push(index)
  }
  // Every file's key is known now: the next build takes those of unchanged files from their stat.
  await cache?.saveKeys()
  const wanted = options.workers ?? availableParallelism()
  const workers = Math.max(0, Math.min(wanted, Math.floor(misses.length / filesPerWorker)))
  const store = async (index: number, result: CachedParse): Promise<void> => {
    results[index] = result
    const key = keys[index]
    // A crash is our bug, not the file's: never keep it.
    if (cache && key && !result.messages.some((message) => message.ruleId === 'internal-error')) {
      await cache.set(key, result)
      entries[index] = cache.fileOf(key)
    }
    progress()
  }
  if (workers === 0) {
    for (const index of misses) await store(index, await parseFile(files[index] ?? '', options.root))
  } else {
    await runPool(files, misses, options.root, workers, store)
  }
  return { results: results.map((result, index) => result ?? crashed(files[index] ?? '', 'no result')), entries, parsed: misses.length, cached: files.length - misses.length, workers }
}

/**
 * Read and parse one file in this thread, with its report's digests (`digestSections`: made here, in parallel, and
 * kept in the cache); a throw from a stage becomes an `internal-error` message naming the file.
 */
export async function parseFile(file: string, root: string): Promise<CachedParse> {
  try {
    const raw = await readReport(file, { root })
    if (!raw.value) return { value: null, messages: raw.messages }
    const parsed = parseReport(raw.value)
    const result = { value: parsed.value, messages: [...raw.messages, ...parsed.messages] }
    return parsed.value ? { ...result, digests: digestSections(parsed.value) } : result
  } catch (error) {
    return crashed(file, String(error))
  }
}

function crashed(file: string, reason: string): Result<Report> {
  const message: Message = createMessage('internal-error', { file, severity: 'error' }, { detail: reason })
  return { value: null, messages: [message] }
}

/** Hand out batches of misses to `count` workers until none are left. */
async function runPool(
  files: readonly string[],
  misses: readonly number[],
  root: string,
  count: number,
  store: (index: number, result: CachedParse) => Promise<void>,
): Promise<void> {
  const queue = [...misses]
  const shim = tsxWorkerShim(import.meta.url)
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(shim, { eval: true, workerData: { role, root } })
      let pending: number[] = []
      let ready = false
      const next = (): void => {
        pending = queue.splice(0, batchSize)
        if (pending.length === 0) {
          void worker.terminate().then(() => resolve())
          return
        }
        worker.postMessage(pending.map((index) => files[index] ?? ''))
      }
      worker.on('message', (batch: CachedParse[] | 'ready') => {
        if (batch === 'ready') {
          ready = true
          next()
          return
        }
        const indexes = pending
        void Promise.all(indexes.map((index, position) => store(index, batch[position] ?? crashed(files[index] ?? '', 'no result')))).then(next, reject)
      })
      worker.once('error', reject)
      worker.once('exit', (code) => {
        if (!ready || pending.length > 0) reject(new Error(describeWithRule('parse-worker-stopped', { code })))
      })
    })
  await Promise.all(Array.from({ length: count }, runWorker))
}

// Worker side: this same module, started by `runPool`, parses the batches it is sent.
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === role) {
  const port = parentPort
  const { root } = workerData as { root: string }
  port.on('message', (batch: string[]) => {
    void Promise.all(batch.map((file) => parseFile(file, root))).then((results) => port.postMessage(results))
  })
  port.postMessage('ready')
}
