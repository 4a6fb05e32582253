import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import { createMessage } from '../messages.ts'
import type { Message, Result } from '../types.ts'
import { lookupPage, type PageAnchor } from './lookup-page.ts'
import { packPagefindFile, unpackPagefindFile } from './pagefind-file.ts'
import { stabiliseBundle } from './stabilise-bundle.ts'

/** One bundle to write: which pages go into which folder. */
export interface ShardJob {
  /** The built site's folder. */
  siteDir: string
  /** Sub-path baked into result URLs, normalised (`/` or `/archive/`). */
  prefix: string
  /** Bundle folder relative to the site root, ending in `/`. */
  folder: string
  /** Years of its pages, newest first. */
  years: number[]
  /** Page files relative to the site root. */
  files: string[]
  /** The primary bundle keeps Pagefind's search code and wasm; merged ones keep only their data. */
  primary: boolean
  /** The `group` filter value of its pages (the search reads one group at a time), or null for none. */
  group: string | null
}

/** Files a merged bundle needs; the search code and wasm come from the primary bundle. */
const shardData = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/
/** Pagefind's stock UIs, unused: the search page has its own. */
const stockUi = /^pagefind-(ui|modular-ui|component-ui)\./

/** What one bundle holds. */
export interface ShardCount {
  /** Pages indexed. */
  pages: number
}

/**
 * Build one Pagefind bundle in a fresh Pagefind process and close it, so memory is bounded by one bundle. Pages
 * are indexed as `lookupPage` rewrites them; then each fragment gets the page's text back in place of the index
 * words (`storeText`). The value counts the pages indexed; pages Pagefind refused are `pagefind-page-error` messages.
 * `onPage` is called after each page is added.
 * @example await writeShard({ siteDir: '_site', prefix: '/', folder: 'pagefind/', years: [2024], files, primary: true, group: '2024' })
 */
export async function writeShard(job: ShardJob, onPage: () => void = () => {}): Promise<Result<ShardCount>> {
  const messages: Message[] = []
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh' })
    messages.push(...created.errors.map((reason) => createMessage('pagefind-error', { file: job.siteDir, severity: 'error' }, { step: 'start', detail: reason })))
    if (!created.index) return { value: null, messages }
    let added = 0
    const texts = new Map<string, StoredText>()
    for (const file of job.files) {
      const page = lookupPage(await readFile(path.join(job.siteDir, file), 'utf8'), job.group)
      const url = pageUrl(job.prefix, file)
      const response = await created.index.addHTMLFile({ url, content: page.html })
      if (response.errors.length > 0) {
        messages.push(...response.errors.map((reason) => createMessage('pagefind-page-error', { file, severity: 'error' }, { detail: reason })))
      } else {
        added += 1
        texts.set(url, { content: page.content, anchors: page.anchors })
      }
      onPage()
    }
    const outputPath = path.join(job.siteDir, job.folder)
    const written = await created.index.writeFiles({ outputPath })
    if (written.errors.length > 0) {
      messages.push(...written.errors.map((reason) => createMessage('pagefind-error', { file: outputPath, severity: 'error' }, { step: 'write', detail: reason })))
      return { value: null, messages }
    }
    await waitForBundle(outputPath)
    messages.push(...(await storeText(outputPath, texts)))
    await stabiliseBundle(outputPath)
    await prune(outputPath, job.primary ? (name) => !stockUi.test(name) : (name) => shardData.test(name))
    return { value: { pages: added }, messages }
  } catch (error) {
    messages.push(createMessage('pagefind-error', { file: job.siteDir, severity: 'error' }, { step: 'index', detail: `${job.folder}：${String(error)}` }))
    return { value: null, messages }
  } finally {
    await pagefind.close()
  }
}

/** How long to wait for Pagefind's files to be complete after `writeFiles` resolves. */
const settleMs = 10_000

/**
 * Wait until the bundle's entry file is whole JSON and its meta files unzip. Under load `writeFiles` has been seen
 * to resolve while `pagefind-entry.json` was still empty (two Pagefind processes on two busy cores); reading it then
 * fails with "Unexpected end of JSON input". Gives up after `settleMs` and lets `stabiliseBundle` report the error.
 */
async function waitForBundle(bundle: string): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < settleMs) {
    try {
      const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> }
      for (const language of Object.values(entry.languages)) gunzipSync(await readFile(path.join(bundle, `pagefind.${language.hash}.pf_meta`)))
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/** What a page's fragment shows: its text in blocks and its headings. */
interface StoredText {
  content: string
  anchors: PageAnchor[]
}

/**
 * Put each page's text back into its fragment in place of the index words Pagefind stored, with the headings as
 * anchors at their block numbers; drop the `digest` meta and `group` filter, which only the index needs. The file
 * keeps its name: Pagefind finds fragments by the hash it gave them, and the digest made that hash follow the text.
 */
async function storeText(bundle: string, texts: Map<string, StoredText>): Promise<Message[]> {
  const folder = path.join(bundle, 'fragment')
  const messages: Message[] = []
  for (const name of (await readdir(folder).catch(() => [] as string[])).sort()) {
    const file = path.join(folder, name)
    const fragment = JSON.parse(new TextDecoder().decode(unpackPagefindFile(await readFile(file)))) as StoredFragment
    const text = texts.get(fragment.url)
    if (!text) {
      messages.push(createMessage('pagefind-error', { file, severity: 'error' }, { step: 'stored', detail: fragment.url }))
      continue
    }
    const { digest: _digest, ...meta } = fragment.meta
    const { group: _group, ...filters } = fragment.filters
    const stored = { url: fragment.url, content: text.content, word_count: fragment.word_count, filters, meta, anchors: text.anchors }
    await writeFile(file, packPagefindFile(new TextEncoder().encode(JSON.stringify(stored))))
  }
  return messages
}

/** The fields of a fragment as Pagefind writes it. */
interface StoredFragment {
  url: string
  word_count: number
  filters: Record<string, string[]>
  meta: Record<string, string>
}

/** URL Pagefind reports for a page: the prefix plus its folder, without `index.html`. */
function pageUrl(prefix: string, file: string): string {
  return prefix + file.replace(/(^|\/)index\.html$/, '$1')
}

async function prune(folder: string, keep: (name: string) => boolean): Promise<void> {
  for (const name of await readdir(folder)) {
    if (!keep(name)) await rm(path.join(folder, name), { recursive: true, force: true })
  }
}
