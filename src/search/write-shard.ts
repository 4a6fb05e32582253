import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import type { Message, Result } from '../types.ts'
import { segmentPage } from './segment-page.ts'
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
  /** `characters`: index the per-character twin (`segmentPage`); `pagefind`: the page as built. */
  segment: 'characters' | 'pagefind'
}

/** Files a merged bundle needs; the search code and wasm come from the primary bundle. */
const shardData = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/
/** Pagefind's stock UIs, unused: the search page has its own. */
const stockUi = /^pagefind-(ui|modular-ui|component-ui)\./

/** What one bundle holds. */
export interface ShardCount {
  /** Pages indexed. */
  pages: number
  /** How often each Han character occurs in the indexed text of those pages. */
  characters: Record<string, number>
}

/**
 * Build one Pagefind bundle in a fresh Pagefind process and close it, so memory is bounded by one bundle.
 * The value counts the pages indexed and their Han characters; pages Pagefind refused are `pagefind-page-error`
 * messages.
 * @example await writeShard({ siteDir: '_site', prefix: '/', folder: 'pagefind/', years: [2024], files, primary: true, segment: 'characters' })
 */
export async function writeShard(job: ShardJob): Promise<Result<ShardCount>> {
  const messages: Message[] = []
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh' })
    messages.push(...created.errors.map((reason) => message(job.siteDir, `Pagefind could not start: ${reason}`, 'pagefind-error')))
    if (!created.index) return { value: null, messages }
    let added = 0
    const characters = new Map<string, number>()
    for (const file of job.files) {
      const html = await readFile(path.join(job.siteDir, file), 'utf8')
      countCharacters(html, characters)
      const content = job.segment === 'characters' ? segmentPage(html) : html
      const response = await created.index.addHTMLFile({ url: pageUrl(job.prefix, file), content })
      if (response.errors.length > 0) {
        messages.push(...response.errors.map((reason) => message(file, `Pagefind could not index the page: ${reason}`, 'pagefind-page-error')))
      } else added += 1
    }
    const outputPath = path.join(job.siteDir, job.folder)
    const written = await created.index.writeFiles({ outputPath })
    if (written.errors.length > 0) {
      messages.push(...written.errors.map((reason) => message(outputPath, `Pagefind could not write the bundle: ${reason}`, 'pagefind-error')))
      return { value: null, messages }
    }
    await waitForBundle(outputPath)
    await stabiliseBundle(outputPath)
    await prune(outputPath, job.primary ? (name) => !stockUi.test(name) : (name) => shardData.test(name))
    const sorted = [...characters].sort((a, b) => (a[0] < b[0] ? -1 : 1))
    return { value: { pages: added, characters: Object.fromEntries(sorted) }, messages }
  } catch (error) {
    messages.push(message(job.siteDir, `Pagefind failed while indexing ${job.folder}: ${String(error)}`, 'pagefind-error'))
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

/**
 * Add the Han characters of a page's indexed article (from `data-pagefind-body`, tags and ignored filter values
 * alike dropped roughly: a ranking hint, not a count anyone reads).
 */
function countCharacters(html: string, counts: Map<string, number>): void {
  const start = html.indexOf('data-pagefind-body')
  if (start === -1) return
  const text = html.slice(start).replace(/<[^>]*>/g, '')
  for (const [character] of text.matchAll(/\p{Script=Han}/gu)) counts.set(character, (counts.get(character) ?? 0) + 1)
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

function message(file: string, reason: string, ruleId: string): Message {
  return { file, line: null, reason, ruleId, severity: 'error' }
}
