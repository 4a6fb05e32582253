import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as pagefind from 'pagefind'
import { createMessage } from '../messages.ts'
import type { Message, Result } from '../types.ts'
import type { IndexRecord } from './index-record.ts'
import { pagefindInputOf, type StoredText } from './pagefind-input.ts'
import { isMergedBundleFile, isStockUi, storeText } from './pagefind-format/rewrite-fragments.ts'
import { stabiliseBundle, type Bundle } from './pagefind-format/stabilise-bundle.ts'

/** One bundle to write: which records go into which folder. */
export interface BundleJob {
  /** The built site's folder. */
  siteDir: string
  /** Sub-path baked into result URLs, normalised (`/` or `/archive/`). */
  prefix: string
  /** Bundle folder relative to the site root, ending in `/`. */
  folder: string
  /** Years of its pages, newest first. */
  years: number[]
  /** Its pages' index records. */
  records: IndexRecord[]
  /** The primary bundle keeps Pagefind's search code and wasm; merged ones keep only their data. */
  primary: boolean
  /** The `group` filter value of its pages (the search reads one group at a time), or null for none. */
  group: string | null
  /** Most times a frequent index word is repeated (for the ranking); see `pagefindInputOf`. */
  maxRepeats?: number
}

/** What one bundle holds. */
export interface BundleCount {
  /** Pages indexed. */
  pages: number
}

/**
 * Build one Pagefind bundle in a fresh Pagefind process and close it, so memory is bounded by one bundle. Each
 * record goes in as `pagefindInputOf` makes it (index words, filters, meta, sort: no HTML); then each fragment gets
 * the page's text back in place of the index words (`storeText`). The value counts the pages indexed; pages Pagefind
 * refused are `pagefind-page-error` messages. `onPage` is called after each page is added.
 * @example await writeBundle({ siteDir: '_site', prefix: '/', folder: 'pagefind/', years: [2024], records, primary: true, group: '2024' })
 */
export async function writeBundle(job: BundleJob, onPage: () => void = () => {}): Promise<Result<BundleCount>> {
  const messages: Message[] = []
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh' })
    messages.push(...created.errors.map((reason) => createMessage('pagefind-error', { file: job.siteDir, severity: 'error' }, { step: 'start', detail: reason })))
    if (!created.index) return { value: null, messages }
    let added = 0
    const texts = new Map<string, StoredText>()
    for (const source of job.records) {
      const { record, stored } = pagefindInputOf(source, { prefix: job.prefix, group: job.group, ...(job.maxRepeats === undefined ? {} : { maxRepeats: job.maxRepeats }) })
      const response = await created.index.addCustomRecord(record)
      if (response.errors.length > 0) {
        messages.push(...response.errors.map((reason) => createMessage('pagefind-page-error', { file: source.url, severity: 'error' }, { detail: reason })))
      } else {
        added += 1
        texts.set(record.url, stored)
      }
      onPage()
    }
    // In memory, then written by us: Pagefind's own `writeFiles` answers before its last writes reach the disk
    // (its tokio files are dropped unflushed), so a bundle read back at once can be short a file or a few bytes.
    const got = await created.index.getFiles()
    const outputPath = path.join(job.siteDir, job.folder)
    if (got.errors.length > 0) {
      messages.push(...got.errors.map((reason) => createMessage('pagefind-error', { file: outputPath, severity: 'error' }, { step: 'write', detail: reason })))
      return { value: null, messages }
    }
    const bundle: Bundle = new Map(got.files.map((file) => [file.path, file.content]))
    messages.push(...storeText(bundle, texts, outputPath))
    stabiliseBundle(bundle)
    const keep = job.primary ? (name: string) => !isStockUi(name) : isMergedBundleFile
    for (const name of [...bundle.keys()]) if (!keep(name)) bundle.delete(name)
    await writeBundleFiles(outputPath, bundle)
    return { value: { pages: added }, messages }
  } catch (error) {
    messages.push(createMessage('pagefind-error', { file: job.siteDir, severity: 'error' }, { step: 'index', detail: `${job.folder}：${String(error)}` }))
    return { value: null, messages }
  } finally {
    await pagefind.close()
  }
}

/**
 * Write a bundle whole or not at all: into a sibling folder first, renamed into place once every file is on disk,
 * so a reader (or a build stopped half-way) never sees a bundle with some of its files.
 */
async function writeBundleFiles(outputPath: string, bundle: Bundle): Promise<void> {
  const partial = `${outputPath.replace(/[\\/]+$/, '')}.partial`
  await rm(partial, { recursive: true, force: true })
  for (const [name, bytes] of [...bundle].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await mkdir(path.dirname(path.join(partial, name)), { recursive: true })
    await writeFile(path.join(partial, name), bytes)
  }
  await rm(outputPath, { recursive: true, force: true })
  await rename(partial, outputPath)
}
