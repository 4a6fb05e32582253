import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as pagefind from 'pagefind'
import type { Message, Result } from '../types.ts'
import { findReportPages, type ReportPage } from './find-report-pages.ts'
import { segmentPage } from './segment-page.ts'
import { stabiliseBundle } from './stabilise-bundle.ts'

/** Options for `indexSite`. */
export interface IndexOptions {
  /** Sub-path the site is served from, e.g. `/archive/`; baked into result URLs. Default `/`. */
  pathPrefix?: string
  /** `year`: one bundle per year, the newest in `pagefind/`; `none`: everything in `pagefind/`. Default `year`. */
  shard?: 'year' | 'none'
  /**
   * `characters`: index a twin of each page with every Han character a word (`segmentPage`), so any Chinese
   * substring is found; `pagefind`: index the page as built, segmented by Pagefind (misses words inside longer
   * words; kept to measure against). Default `characters`.
   */
  segment?: 'characters' | 'pagefind'
}

/** One Pagefind bundle the search page loads (the first) or merges (the rest). */
export interface IndexShard {
  /** Bundle folder relative to the site root, ending in `/`, e.g. `pagefind-2022/`. */
  path: string
  /** Years whose reports it holds, newest first; empty when the pages state no year. */
  years: number[]
  /** Pages indexed into it. */
  pages: number
}

/** What `indexSite` wrote; also written, minus `bytes`, to `pagefind-shards.json`. */
export interface IndexSummary {
  /** Report pages indexed. */
  pages: number
  /** Bundles in load order: the first is primary. */
  shards: IndexShard[]
  /** Total bytes of all bundles on disk. */
  bytes: number
}

/** Name of the manifest the search page and the CLI read. */
export const shardManifest = 'pagefind-shards.json'

/** Files a merged bundle needs; the search code and wasm come from the primary bundle. */
const shardData = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/
/** Pagefind's stock UIs, unused: the search page has its own. */
const stockUi = /^pagefind-(ui|modular-ui|component-ui)\./

/**
 * Index the report pages of a built site with Pagefind, one bundle at a time so memory stays bounded.
 * @example await indexSite('_site', { pathPrefix: '/', shard: 'year' })
 */
export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<Result<IndexSummary>> {
  const messages: Message[] = []
  const prefix = normalisePrefix(options.pathPrefix ?? '/')
  let pages: ReportPage[]
  try {
    pages = await findReportPages(siteDir)
  } catch (error) {
    return fail(siteDir, `cannot read the built site: ${String(error)}`, 'site-unreadable')
  }
  if (pages.length === 0) {
    messages.push(message(siteDir, 'no page carries data-pagefind-body, so the search index is empty', 'no-report-pages', 'warning'))
  }
  await removeOldBundles(siteDir)
  const groups = groupPages(pages, options.shard ?? 'year')
  const shards: IndexShard[] = []
  for (const [position, group] of groups.entries()) {
    const shard = await writeShard(siteDir, prefix, group, position === 0, options.segment ?? 'characters', messages)
    if (!shard) return { value: null, messages }
    shards.push(shard)
  }
  await writeFile(path.join(siteDir, shardManifest), `${JSON.stringify({ version: 1, shards }, null, 2)}\n`)
  const bytes = (await Promise.all(shards.map((shard) => sizeOf(path.join(siteDir, shard.path))))).reduce((a, b) => a + b, 0)
  return { value: { pages: pages.length - countFailed(messages), shards, bytes }, messages }
}

interface PageGroup {
  folder: string
  years: number[]
  pages: ReportPage[]
}

/** Split pages into bundles: newest year (and year-less pages) first in `pagefind/`, older years after. */
function groupPages(pages: ReportPage[], shard: 'year' | 'none'): PageGroup[] {
  const years = [...new Set(pages.flatMap((page) => (page.year === null ? [] : [page.year])))].sort((a, b) => b - a)
  if (shard === 'none' || years.length <= 1) return [{ folder: 'pagefind/', years, pages }]
  const [newest, ...older] = years as [number, ...number[]]
  return [
    { folder: 'pagefind/', years: [newest], pages: pages.filter((page) => page.year === null || page.year === newest) },
    ...older.map((year) => ({ folder: `pagefind-${year}/`, years: [year], pages: pages.filter((page) => page.year === year) })),
  ]
}

/** Build one bundle in a fresh Pagefind process and close it, so the next one starts from empty memory. */
async function writeShard(
  siteDir: string,
  prefix: string,
  group: PageGroup,
  primary: boolean,
  segment: 'characters' | 'pagefind',
  messages: Message[],
): Promise<IndexShard | null> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh' })
    messages.push(...created.errors.map((reason) => message(siteDir, `Pagefind could not start: ${reason}`, 'pagefind-error')))
    if (!created.index) return null
    let added = 0
    for (const page of group.pages) {
      const html = await readFile(path.join(siteDir, page.file), 'utf8')
      const content = segment === 'characters' ? segmentPage(html) : html
      const response = await created.index.addHTMLFile({ url: pageUrl(prefix, page.file), content })
      if (response.errors.length > 0) {
        messages.push(
          ...response.errors.map((reason) => message(page.file, `Pagefind could not index the page: ${reason}`, 'pagefind-page-error')),
        )
      } else added += 1
    }
    const outputPath = path.join(siteDir, group.folder)
    const written = await created.index.writeFiles({ outputPath })
    if (written.errors.length > 0) {
      messages.push(...written.errors.map((reason) => message(outputPath, `Pagefind could not write the bundle: ${reason}`, 'pagefind-error')))
      return null
    }
    await stabiliseBundle(outputPath)
    await prune(outputPath, primary ? (name) => !stockUi.test(name) : (name) => shardData.test(name))
    return { path: group.folder, years: group.years, pages: added }
  } catch (error) {
    messages.push(message(siteDir, `Pagefind failed while indexing ${group.folder}: ${String(error)}`, 'pagefind-error'))
    return null
  } finally {
    await pagefind.close()
  }
}

/** URL Pagefind reports for a page: the prefix plus its folder, without `index.html`. */
function pageUrl(prefix: string, file: string): string {
  return prefix + file.replace(/(^|\/)index\.html$/, '$1')
}

async function removeOldBundles(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    if (entry.isDirectory() && /^pagefind(-\d{4})?$/.test(entry.name)) {
      await rm(path.join(siteDir, entry.name), { recursive: true, force: true })
    }
  }
}

async function prune(folder: string, keep: (name: string) => boolean): Promise<void> {
  for (const name of await readdir(folder)) {
    if (!keep(name)) await rm(path.join(folder, name), { recursive: true, force: true })
  }
}

async function sizeOf(target: string): Promise<number> {
  const info = await stat(target)
  if (!info.isDirectory()) return info.size
  const sizes = await Promise.all((await readdir(target)).map((name) => sizeOf(path.join(target, name))))
  return sizes.reduce((a, b) => a + b, 0)
}

function countFailed(messages: Message[]): number {
  return messages.filter((entry) => entry.ruleId === 'pagefind-page-error').length
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

function message(file: string, reason: string, ruleId: string, severity: Message['severity'] = 'error'): Message {
  return { file, line: null, reason, ruleId, severity }
}

function fail(file: string, reason: string, ruleId: string): Result<IndexSummary> {
  return { value: null, messages: [message(file, reason, ruleId)] }
}
