import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { availableParallelism } from 'node:os'
import { createMessage } from '../messages.ts'
import { normalisePrefix } from '../path-prefix.ts'
import type { Message, Result } from '../types.ts'
import { findReportPages, type ReportPage } from './find-report-pages.ts'
import { writeShards } from './write-shards.ts'

/** Options for `indexSite`. */
export interface IndexOptions {
  /** Sub-path the site is served from, e.g. `/archive/`; baked into result URLs. Default `/`. */
  pathPrefix?: string
  /**
   * How pages are split into bundles: `year`: by year, newest first (the newest in `pagefind/`), a large year in
   * several bundles of at most `shardPages` pages, pages without a year last; the search reads a year at a time.
   * `none`: everything in `pagefind/`, one group. Default `year`.
   */
  shard?: 'year' | 'none'
  /** Most pages in one bundle; bounds Pagefind's memory while indexing (~1.6 GB per 1,000 pages). Default 2,000. */
  shardPages?: number
  /** Bundles written at once, each in its own worker and Pagefind process. Default 2 (1 on a single core). */
  parallel?: number
  /**
   * The report pages to index (path in the site, year), as the build knows them from its page data. Default: found
   * by reading every built HTML file for `data-pagefind-body` and its year filter (`findReportPages`), for a site
   * built elsewhere.
   */
  pages?: readonly ReportPage[]
  /** Called as pages are added to the index: `done` of `total` report pages (for a progress bar). */
  onProgress?: (done: number, total: number) => void
}

/** One Pagefind bundle the search page loads (the first) or merges (the rest). */
export interface IndexShard {
  /** Bundle folder relative to the site root, ending in `/`, e.g. `pagefind-2022/`. */
  path: string
  /** Years whose reports it holds, newest first; empty when the pages state no year. */
  years: number[]
  /** Pages indexed into it. */
  pages: number
  /** Its pages' `group` filter value: the year, `undated`, or null when the site is one group. */
  group: string | null
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

/**
 * Index the report pages of a built site with Pagefind in bundles by year and of bounded size, two at a time, so
 * memory stays bounded, both cores work, and the search page's first query reads the newest year only.
 * @example await indexSite('_site', { pathPrefix: '/', shard: 'year' })
 */
export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<Result<IndexSummary>> {
  const messages: Message[] = []
  const prefix = normalisePrefix(options.pathPrefix ?? '/')
  let pages: ReportPage[]
  try {
    pages = options.pages ? [...options.pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) : await findReportPages(siteDir)
  } catch (error) {
    return { value: null, messages: [createMessage('site-unreadable', { file: siteDir, severity: 'error' }, { detail: String(error) })] }
  }
  if (pages.length === 0) {
    messages.push(createMessage('no-report-pages', { file: siteDir, severity: 'warning' }))
  }
  await removeOldBundles(siteDir)
  const parallel = options.parallel ?? Math.min(2, availableParallelism())
  const groups = groupPages(pages, options.shard ?? 'year', options.shardPages ?? 2000)
  const jobs = groups.map((group, position) => ({
    siteDir,
    prefix,
    folder: group.folder,
    years: group.years,
    files: group.pages.map((page) => page.file),
    primary: position === 0,
    group: group.group,
  }))
  let done = 0
  const written = await writeShards(jobs, parallel, () => options.onProgress?.(++done, pages.length))
  const shards: IndexShard[] = []
  for (const [position, result] of written.entries()) {
    messages.push(...result.messages)
    const group = groups[position]
    if (result.value === null || !group) continue
    shards.push({ path: group.folder, years: group.years, pages: result.value.pages, group: group.group })
  }
  if (shards.length < groups.length) return { value: null, messages }
  await writeFile(path.join(siteDir, shardManifest), `${JSON.stringify({ version: 2, shards }, null, 2)}\n`)
  const bytes = (await Promise.all(shards.map((shard) => sizeOf(path.join(siteDir, shard.path))))).reduce((a, b) => a + b, 0)
  return { value: { pages: pages.length - countFailed(messages), shards, bytes }, messages }
}

interface PageGroup {
  folder: string
  years: number[]
  group: string | null
  pages: ReportPage[]
}

/**
 * Split pages into bundles: by year, newest first, then pages without a year (`undated`); a year with more than
 * `shardPages` pages in that many equal parts, by file. The first bundle is `pagefind/`, the others
 * `pagefind-{year}/` or `pagefind-{year}-{n}/` (`pagefind-undated…`).
 */
function groupPages(pages: ReportPage[], shard: 'year' | 'none', shardPages: number): PageGroup[] {
  const years = [...new Set(pages.flatMap((page) => (page.year === null ? [] : [page.year])))].sort((a, b) => b - a)
  if (shard === 'none') return [{ folder: 'pagefind/', years, group: null, pages }]
  const keys: (number | null)[] = [...years, ...(pages.some((page) => page.year === null) ? [null] : [])]
  const groups: PageGroup[] = []
  for (const year of keys) {
    const members = pages.filter((page) => page.year === year).sort((a, b) => (a.file < b.file ? -1 : 1))
    const group = year === null ? 'undated' : String(year)
    const parts = Math.max(1, Math.ceil(members.length / Math.max(1, shardPages)))
    const size = Math.ceil(members.length / parts)
    for (let part = 0; part < parts; part += 1) {
      const folder = groups.length === 0 ? 'pagefind/' : `pagefind-${group}${part === 0 ? '' : `-${part + 1}`}/`
      groups.push({ folder, years: year === null ? [] : [year], group, pages: members.slice(part * size, (part + 1) * size) })
    }
  }
  return groups.length > 0 ? groups : [{ folder: 'pagefind/', years: [], group: null, pages: [] }]
}

async function removeOldBundles(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    if (entry.isDirectory() && /^pagefind(-[\w-]+)?$/.test(entry.name)) {
      await rm(path.join(siteDir, entry.name), { recursive: true, force: true })
    }
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
