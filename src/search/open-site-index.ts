import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createMessage } from '../messages.ts'
import { isMissingFile } from '../system-error.ts'
import type { Message, Result } from '../types.ts'
import { openBundles, pagefindOptions, singleBundle, type PagefindLike, type BundleManifest, type SiteBundles } from '../../templates/assets/search.core.js'
import { fileFetch } from './file-fetch.ts'
import { bundleManifest } from './index-site.ts'

/** The part of Pagefind's browser module we call. */
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindLike & {
    options(options: Record<string, unknown>): Promise<void>
    destroy(): Promise<void>
  }
}

/** A site's bundles as `runSearch` takes them, and a way to let Pagefind go. */
export type SiteIndex = SiteBundles & { destroy(): Promise<void> }

/**
 * Open a built site's Pagefind bundles in Node, offline, exactly as the search page does: the primary bundle's own
 * `pagefind.js`; the other bundles are merged when a search reaches them (`openBundles`).
 */
export async function openSiteIndex(siteDir: string): Promise<Result<SiteIndex>> {
  const root = path.resolve(siteDir)
  const manifest = await readBundleManifest(root)
  if (!manifest.value) return { value: null, messages: manifest.messages }
  const primary = manifest.value.shards[0]
  if (!primary) return failure(createMessage('no-index', { file: root, severity: 'error' }, { cause: 'empty-manifest' }))
  const script = path.join(root, primary.path, 'pagefind.js')
  let module: PagefindModule
  try {
    installFileFetch()
    module = (await import(pathToFileURL(script).href)) as PagefindModule
  } catch (error) {
    return failure(createMessage('no-index', { file: script, severity: 'error' }, { cause: 'script', detail: String(error) }))
  }
  const instance = withPageLanguage(() =>
    module.createInstance({ basePath: pathToFileURL(path.join(root, primary.path)).href + '/', baseUrl: '/' }),
  )
  await instance.options(pagefindOptions)
  const bundles = openBundles(instance, manifest.value, pathToFileURL(root).href + '/')
  return { value: { ...bundles, destroy: () => instance.destroy() }, messages: [] }
}

/** A built site's `pagefind-shards.json`; a plain `pagefind` run's one bundle when there is none. */
export async function readBundleManifest(root: string): Promise<Result<BundleManifest>> {
  const file = path.join(root, bundleManifest)
  try {
    return { value: JSON.parse(await readFile(file, 'utf8')) as BundleManifest, messages: [] }
  } catch (error) {
    const missing = isMissingFile(error)
    // A bundle from a plain `pagefind` run has no manifest: treat it as the only bundle.
    if (missing) {
      try {
        await readFile(path.join(root, 'pagefind', 'pagefind-entry.json'))
        return { value: singleBundle, messages: [] }
      } catch {
        return failure(createMessage('no-index', { file, severity: 'error' }, { cause: 'missing' }))
      }
    }
    return failure(createMessage('bad-manifest', { file, severity: 'error' }, { detail: String(error) }))
  }
}

/**
 * Pagefind picks the Chinese word segmenter from `<html lang>`; Node has no document, so show it the
 * search page's language while the instance is created (the language is read once, in the constructor).
 */
function withPageLanguage<T>(create: () => T): T {
  const scope = globalThis as { document?: unknown }
  if (scope.document !== undefined) return create()
  scope.document = { querySelector: () => ({ getAttribute: () => 'zh-CN' }) }
  try {
    return create()
  } finally {
    delete scope.document
  }
}

let installed = false

/** Pagefind fetches its chunks relative to its own URL; Node's `fetch` cannot read `file:` URLs, so add that. */
function installFileFetch(): void {
  if (installed) return
  installed = true
  globalThis.fetch = fileFetch(globalThis.fetch)
}

function failure<T>(message: Message): Result<T> {
  return { value: null, messages: [message] }
}
