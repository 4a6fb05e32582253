import { stat } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { countResults, openBundles, pagefindOptions, runSearch, type PagefindLike } from '../../templates/assets/search.core.js'
import { fileFetch } from '../search/file-fetch.ts'
import { readBundleManifest } from '../search/open-site-index.ts'

/** What one query cost against a built site, as the search page would run it. */
export interface QueryMeasure {
  /** The query text. */
  query: string
  /** Pages matched in every year (from the counts that follow the first results). */
  total: number
  /** Bytes of index data fetched by loading and the first query (entry, meta, chunks, filters, fragments). */
  dataBytes: number
  /** Bytes of the runtime (`pagefind.js`, the wasm), reported apart: browsers cache it across pages. */
  runtimeBytes: number
  /** Requests made by loading and the first query. */
  requests: number
  /** Data bytes and requests by file kind (`entry`, `meta`, `index`, `filter`, `fragment`). */
  byKind: Record<string, { bytes: number; requests: number }>
  /** Milliseconds to fetch the manifest, import the script and create the instance on the primary bundle. */
  loadMs: number
  /** Milliseconds for the first query after load, showing `limit` hits (includes Pagefind's lazy wasm start). */
  queryMs: number
  /** Milliseconds for the same query again, all chunks in memory. */
  warmMs: number
  /** Bytes the whole count and filter menus fetch after the first results are shown (`countResults`), not in `dataBytes`. */
  countBytes: number
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindLike & {
    options(options: Record<string, unknown>): Promise<void>
    destroy(): Promise<void>
  }
}

const runtimeFile = /(^|\/)(pagefind\.js|pagefind-worker\.js|wasm\.[^/]*\.pagefind)$/

/**
 * Open a built site's Pagefind bundles in Node exactly as the search page does (the primary bundle; the others
 * merged when the search reaches their year), run one query showing `limit` hits (the page shows 10) without filter
 * counts, as the page's first query does, and count every byte fetched; then the bytes the whole count adds.
 */
export async function measureQuery(siteDir: string, query: string, limit = 10): Promise<QueryMeasure> {
  const root = path.resolve(siteDir)
  const read = await readBundleManifest(root)
  if (!read.value) throw new Error(read.messages.map((message) => `${message.file}: ${message.reason}`).join('; '))
  const manifest = read.value
  const primary = manifest.shards[0]
  if (!primary) throw new Error(`${root}: the bundle manifest lists none`)
  // The page fetches the manifest before loading anything else.
  const manifestBytes = await stat(path.join(root, 'pagefind-shards.json')).then((info) => info.size, () => 0)
  const counter: Counter = { dataBytes: manifestBytes, runtimeBytes: 0, requests: 1, byKind: { manifest: { bytes: manifestBytes, requests: 1 } } }
  const restore = installCountingFetch(counter)
  const leavePage = enterPage()
  try {
    const loadStart = performance.now()
    const script = path.join(root, primary.path, 'pagefind.js')
    counter.runtimeBytes += (await stat(script)).size
    const module = (await import(`${pathToFileURL(script).href}?measure=${Date.now()}`)) as PagefindModule
    const instance = module.createInstance({ basePath: `${pathToFileURL(path.join(root, primary.path)).href}/`, baseUrl: '/' })
    await instance.options(pagefindOptions)
    const bundles = openBundles(instance, manifest, `${pathToFileURL(root).href}/`)
    const loadMs = performance.now() - loadStart
    const queryStart = performance.now()
    await runSearch(bundles, { q: query }, limit, { counts: false })
    const queryMs = performance.now() - queryStart
    const snapshot = { ...counter, byKind: structuredClone(counter.byKind) }
    const warmStart = performance.now()
    await runSearch(bundles, { q: query }, limit, { counts: false })
    const warmMs = performance.now() - warmStart
    const whole = await countResults(bundles, { q: query })
    const countBytes = counter.dataBytes - snapshot.dataBytes
    await instance.destroy()
    return { query, total: whole?.total ?? 0, ...snapshot, loadMs, queryMs, warmMs, countBytes }
  } finally {
    leavePage()
    restore()
  }
}

/** Serve `file:` URLs from disk, counting bytes per kind; returns a function that puts the old `fetch` back. */
interface Counter {
  dataBytes: number
  runtimeBytes: number
  requests: number
  byKind: Record<string, { bytes: number; requests: number }>
}

function installCountingFetch(counter: Counter): () => void {
  const original = globalThis.fetch
  globalThis.fetch = fileFetch(original, (file, bytes) => {
    counter.requests += 1
    if (runtimeFile.test(file.split(path.sep).join('/'))) {
      counter.runtimeBytes += bytes.length
      return
    }
    counter.dataBytes += bytes.length
    const entry = (counter.byKind[kindOf(file)] ??= { bytes: 0, requests: 0 })
    entry.bytes += bytes.length
    entry.requests += 1
  })
  return () => {
    globalThis.fetch = original
  }
}

/** What a bundle file holds, from its name: `pagefind-entry.json`, `*.pf_meta`, `index/`, `filter/`, `fragment/`. */
function kindOf(file: string): string {
  if (file.endsWith('pagefind-entry.json')) return 'entry'
  if (file.endsWith('.pf_meta')) return 'meta'
  return /\.pf_(index|filter|fragment)$/.exec(file)?.[1] ?? 'other'
}

/**
 * Pagefind reads the page language (`<html lang>`) when the instance is created and again in `init`, but only when
 * both `window` and `document` exist; merged bundles take the language `init` found. Show it the search page's
 * `zh-CN` throughout, or Node would search the merged bundles unsegmented, unlike a browser.
 */
function enterPage(): () => void {
  const scope = globalThis as { window?: unknown; document?: unknown }
  if (scope.window !== undefined || scope.document !== undefined) return () => {}
  scope.document = { currentScript: null, querySelector: () => ({ getAttribute: () => 'zh-CN' }) }
  scope.window = {}
  return () => {
    delete scope.document
    delete scope.window
  }
}
