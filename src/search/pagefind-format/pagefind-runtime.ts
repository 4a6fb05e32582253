import * as pagefind from 'pagefind'
import type { Bundle } from './pagefind-file.ts'
import type { EntryTemplate } from './write-index-data.ts'

/** Files a merged bundle needs; the search code and wasm come from the primary bundle. */
const mergedBundleData = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/
/** Pagefind's stock UIs, unused: the search page has its own. */
const stockUi = /^pagefind-(ui|modular-ui|component-ui)\./

/** True for a file a merged bundle keeps (`index/…`, `fragment/…`, the meta file…); its search code comes from the primary bundle. */
export function isMergedBundleFile(name: string): boolean {
  return mergedBundleData.test(name.split('/')[0] ?? '')
}

/** True for a file of Pagefind's stock UIs, which no bundle keeps. */
export function isStockUi(name: string): boolean {
  return stockUi.test(name)
}

/** Pagefind's search code as the primary bundle carries it, and what its entry file says besides the languages. */
export interface PagefindRuntime {
  /** `pagefind.js`, its worker, highlighter and wasm, by file name. */
  files: Bundle
  entry: EntryTemplate
}

let loading: Promise<PagefindRuntime> | null = null

/**
 * Pagefind's search code, from Pagefind itself: an index of one record is built and everything but its data and
 * stock UIs kept. Once per thread; a failure is not kept, so the next bundle tries again.
 */
export function loadPagefindRuntime(): Promise<PagefindRuntime> {
  loading ??= readRuntime().catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

async function readRuntime(): Promise<PagefindRuntime> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh' })
    if (!created.index) throw new Error(created.errors.join('; '))
    const added = await created.index.addCustomRecord({ url: '/', content: 'a', language: 'zh' })
    if (added.errors.length > 0) throw new Error(added.errors.join('; '))
    const got = await created.index.getFiles()
    if (got.errors.length > 0) throw new Error(got.errors.join('; '))
    const files: Bundle = new Map()
    let entry: EntryTemplate | null = null
    for (const file of got.files) {
      if (file.path === 'pagefind-entry.json') {
        const read = JSON.parse(new TextDecoder().decode(file.content)) as EntryTemplate
        entry = { version: read.version, include_characters: read.include_characters }
      } else if (!isMergedBundleFile(file.path) && !isStockUi(file.path)) files.set(file.path, file.content)
    }
    if (!entry || !files.has('pagefind.js')) throw new Error('Pagefind wrote no pagefind.js or entry file')
    return { files, entry }
  } finally {
    await pagefind.close()
  }
}
