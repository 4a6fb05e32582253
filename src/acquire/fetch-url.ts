import { createMessage, formatSize } from '../messages.ts'
import { describeSystemError } from '../system-error.ts'
import type { Message, Result } from '../types.ts'
import type { Limiter } from './create-limiter.ts'
import { userAgent } from './user-agent.ts'

/** How patiently and how much to fetch. */
export interface FetchOptions {
  /** Milliseconds to wait for the response to start, and then for each next piece of the body. Default 30,000. */
  timeoutMs?: number
  /** Largest body accepted, in bytes. Default 50 MiB. */
  maxBytes?: number
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number
  /** Attempts for a timeout, a network error, 429 or 5xx. Default 3. */
  tries?: number
  /** Wait before the second attempt in ms, doubled for each later one. Default 2,000. */
  backoffMs?: number
  /** Shares the politeness limits (4 at once, 2 per host) between every request of a run. */
  limiter?: Limiter
  /** Asked before each request (the first and every redirect target): a message when robots.txt forbids it. */
  checkRobots?: (url: URL) => Promise<Message | null>
}

/** A response whose bytes we hold. */
export interface Fetched {
  /** The address as asked. */
  url: string
  /** The address after redirects. */
  finalUrl: string
  /** Content-Type as sent, or null. */
  contentType: string | null
  /** ETag as sent, or null. */
  etag: string | null
  /** Last-Modified as sent, or null. */
  lastModified: string | null
  /** The body, unchanged. */
  bytes: Uint8Array
}

/** `fetchUrl`'s answer; `status` is the HTTP status of a refused request. */
export type FetchResult = Result<Fetched> & { status?: number }

const defaults = { timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024, maxRedirects: 5, tries: 3, backoffMs: 2_000 }

/** One attempt's outcome: a response, or a failure that is worth another try (or not). */
type Attempt = { fetched: Fetched; redirect?: string } | { failure: Message; retry: boolean; status?: number }

/**
 * Fetch `url` politely: robots.txt asked at every hop, redirects followed by hand (at most `maxRedirects`), a timeout
 * while waiting, a size cap, and retries with backoff on timeouts, network errors, 429 and 5xx.
 *
 * Never throws for a bad address or a bad server: the failure is an error message naming the URL and the reason
 * (`fetch-status`, `fetch-timeout`, `fetch-too-large`, `fetch-network`, `too-many-redirects`, `bad-url`, or the
 * robots rule).
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const settings = { ...defaults, ...withoutUndefined(options) }
  let current: URL
  try {
    current = parseHttpUrl(url)
  } catch {
    return fail(url, createMessage('bad-url', { file: url, severity: 'error' }, {}))
  }
  for (let hop = 0; ; hop++) {
    const forbidden = await options.checkRobots?.(current)
    if (forbidden) return fail(url, forbidden)
    const attempt = await withRetries(url, current, settings, options.limiter)
    if ('failure' in attempt) return attempt.status === undefined ? fail(url, attempt.failure) : { ...fail(url, attempt.failure), status: attempt.status }
    const { fetched, redirect } = attempt
    if (redirect === undefined) return { value: { ...fetched, url }, messages: [] }
    if (hop >= settings.maxRedirects) {
      return fail(url, createMessage('too-many-redirects', { file: url, severity: 'error' }, { limit: settings.maxRedirects }))
    }
    try {
      current = parseHttpUrl(redirect)
    } catch {
      return fail(url, createMessage('bad-url', { file: url, severity: 'error' }, { redirect }))
    }
  }
}

/** Try one hop up to `tries` times, waiting `backoffMs`, then twice that, between attempts. */
async function withRetries(asked: string, url: URL, settings: typeof defaults, limiter: Limiter | undefined): Promise<Attempt> {
  let attempt: Attempt = { failure: createMessage('fetch-network', { file: asked, severity: 'error' }, { detail: '' }), retry: false }
  for (let tried = 0; tried < settings.tries; tried++) {
    if (tried > 0) await sleep(settings.backoffMs * 2 ** (tried - 1))
    const run = () => requestOnce(asked, url, settings)
    attempt = await (limiter ? limiter.run(url.host, run) : run())
    if (!('failure' in attempt) || !attempt.retry) return attempt
  }
  return attempt
}

/** One request without following redirects: a redirect comes back with its target in `redirect` and an empty body. */
async function requestOnce(asked: string, url: URL, settings: typeof defaults): Promise<Attempt> {
  const controller = new AbortController()
  let timedOut = false
  let timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, settings.timeoutMs)
  const rearm = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, settings.timeoutMs)
  }
  const failure = (message: Message, retry: boolean): Attempt => ({ failure: message, retry })
  const where = { file: asked, severity: 'error' as const }
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: controller.signal,
      headers: { 'user-agent': userAgent, accept: '*/*', 'accept-language': 'zh-CN,zh;q=0.9' },
    })
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel()
      const target = new URL(location, url).href
      return { fetched: { ...headersOf(response, asked), finalUrl: target, bytes: new Uint8Array() }, redirect: target }
    }
    if (!response.ok) {
      await response.body?.cancel()
      const retry = response.status === 429 || response.status >= 500
      const message = createMessage('fetch-status', where, { status: response.status, at: url.href === asked ? null : url.href })
      return { failure: message, retry, status: response.status }
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (declared > settings.maxBytes) {
      await response.body?.cancel()
      return failure(createMessage('fetch-too-large', where, { size: formatSize(declared), limit: formatSize(settings.maxBytes) }), false)
    }
    const chunks: Uint8Array[] = []
    let size = 0
    if (response.body) {
      const reader = response.body.getReader()
      for (;;) {
        rearm()
        const { done, value } = await reader.read()
        if (done) break
        size += value.byteLength
        if (size > settings.maxBytes) {
          controller.abort()
          return failure(createMessage('fetch-too-large', where, { size: `超过 ${formatSize(settings.maxBytes)}`, limit: formatSize(settings.maxBytes) }), false)
        }
        chunks.push(value)
      }
    }
    return { fetched: { ...headersOf(response, asked), finalUrl: url.href, bytes: Buffer.concat(chunks) } }
  } catch (error) {
    if (timedOut) return failure(createMessage('fetch-timeout', where, { seconds: settings.timeoutMs / 1000 }), true)
    return failure(createMessage('fetch-network', where, { detail: describeSystemError(error) }), true)
  } finally {
    clearTimeout(timer)
  }
}

function headersOf(response: Response, asked: string): Omit<Fetched, 'finalUrl' | 'bytes'> {
  return {
    url: asked,
    contentType: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  }
}

/** An absolute http(s) URL, or a throw. */
function parseHttpUrl(text: string): URL {
  const url = new URL(text)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http')
  return url
}


function fail(url: string, message: Message): FetchResult {
  return { value: null, messages: [{ ...message, file: url }] }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>
}
