import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createMessage } from '../messages.ts'
import type { Result } from '../types.ts'
import type { IndexRecord } from './index-record.ts'
import { dataPageOf } from './pagefind-input.ts'
import type { Bundle } from './pagefind-format/pagefind-file.ts'
import type { PagefindRuntime } from './pagefind-format/pagefind-runtime.ts'
import { writeIndexData } from './pagefind-format/write-index-data.ts'

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
  /** Its pages' index records, in the order the search lists them (`planBundles`: newest first). */
  records: IndexRecord[]
  /** The primary bundle keeps Pagefind's search code and wasm; merged ones keep only their data. */
  primary: boolean
  /** The `group` filter value of its pages (the search reads one group at a time), or null for none. */
  group: string | null
  /** Most times a frequent index word is repeated (for the ranking); see `dataPageOf`. */
  maxRepeats?: number
  /** Pagefind's search code (the primary bundle's) and entry fields (`loadPagefindRuntime`). */
  runtime: PagefindRuntime
}

/** What one bundle holds. */
export interface BundleCount {
  /** Pages indexed. */
  pages: number
}

/**
 * Write one bundle: its data files in Pagefind's format (`writeIndexData`: word chunks, filters, fragments holding
 * each page's text, meta and entry), and in the primary bundle Pagefind's search code. No Pagefind process: the words
 * are ours already, and Pagefind's own indexing was three quarters of the build. The value counts the pages indexed;
 * `onPage` is called after each page's words are made.
 * @example await writeBundle({ siteDir: '_site', prefix: '/', folder: 'pagefind/', years: [2024], records, primary: true, group: '2024', runtime: await loadPagefindRuntime() })
 */
export async function writeBundle(job: BundleJob, onPage: () => void = () => {}): Promise<Result<BundleCount>> {
  try {
    const options = { prefix: job.prefix, group: job.group, ...(job.maxRepeats === undefined ? {} : { maxRepeats: job.maxRepeats }) }
    const pages = job.records.map((record, position) => {
      const page = dataPageOf(record, { ...options, position })
      onPage()
      return page
    })
    const bundle = writeIndexData(pages, { language: 'zh', entry: job.runtime.entry })
    if (job.primary) for (const [name, bytes] of job.runtime.files) bundle.set(name, bytes)
    await writeBundleFiles(path.join(job.siteDir, job.folder), bundle)
    return { value: { pages: pages.length }, messages: [] }
  } catch (error) {
    return { value: null, messages: [createMessage('pagefind-error', { file: job.siteDir, severity: 'error' }, { step: 'index', detail: `${job.folder}：${String(error)}` })] }
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
