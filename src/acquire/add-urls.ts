import type { Message } from '../types.ts'
import { addUrl, type AddOutcome } from './add-url.ts'
import { createRobotsCheck } from './check-robots.ts'
import { createLimiter } from './create-limiter.ts'
import type { FetchOptions } from './fetch-url.ts'
import { latestVersions, listStored } from './list-stored.ts'

/** Options for `addUrls`. */
export interface AddOptions {
  /** The reports folder. Default `reports`. */
  root?: string
  /** Also re-fetch every original already kept that records a `url`. Default false. */
  refresh?: boolean
  /** Fetch settings (timeouts, size cap, retries); the limiter and robots check are made here. */
  fetch?: Omit<FetchOptions, 'limiter' | 'checkRobots'>
  /** Called as each URL finishes, for a progress bar. */
  onProgress?: (done: number, total: number) => void
  /** The clock for `retrieved`. Default now. */
  now?: () => Date
}

/** At most this many requests at once, and this many to one host. */
const politeness = { total: 4, perHost: 2 }

/**
 * Add each URL (and, with `refresh`, every URL already kept) to the reports folder: fetched politely (robots.txt,
 * 4 requests at once and 2 per host, retries), kept unchanged with a sidecar, a new version beside the old when it
 * changed. Outcomes come back in the order asked, each URL once.
 */
export async function addUrls(urls: readonly string[], options: AddOptions = {}): Promise<AddOutcome[]> {
  const root = options.root ?? 'reports'
  const stored = await listStored(root)
  const refreshed = options.refresh === true ? [...new Set(stored.map((entry) => entry.asked))].filter((asked) => latestVersions(stored, asked).length > 0) : []
  const asked = [...new Set([...urls.map((url) => url.trim()), ...refreshed])].filter((url) => url !== '')
  const limiter = createLimiter(politeness.total, politeness.perHost)
  const fetch: FetchOptions = { ...options.fetch, limiter }
  fetch.checkRobots = createRobotsCheck({ ...options.fetch, limiter })
  const context = { root, fetch, stored, ...(options.now === undefined ? {} : { now: options.now }) }
  let done = 0
  options.onProgress?.(0, asked.length)
  // The limiter bounds the requests; a report's parse runs between its requests, so URLs start together.
  return Promise.all(
    asked.map(async (url) => {
      const outcome = await addUrl(url, context).catch((error: unknown): AddOutcome => ({ status: 'failed', url, file: null, message: internal(url, error) }))
      options.onProgress?.(++done, asked.length)
      return outcome
    }),
  )
}

/** URLs from a `--from` file: one a line, `#` starts a comment, blank lines skipped. */
export function readUrlList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '')
}

function internal(url: string, error: unknown): Message {
  return { file: url, line: null, reason: `内部错误：${error instanceof Error ? error.message : String(error)}`, ruleId: 'internal-error', severity: 'error' }
}
