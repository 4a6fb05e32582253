import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { availableParallelism } from 'node:os'
import type { Message, Result } from '../types.ts'
import { findReportPages, type ReportPage } from './find-report-pages.ts'
import { writeShards } from './write-shards.ts'

/** Options for `indexSite`. */
export interface IndexOptions {
  /** Sub-path the site is served from, e.g. `/archive/`; baked into result URLs. Default `/`. */
  pathPrefix?: string
  /**
   * How pages are split into bundles, newest first (the newest in `pagefind/`): `size`: runs of at most
   * `shardPages` pages; `year`: one bundle per year; `none`: everything in `pagefind/`. Default `size`.
   */
  shard?: 'size' | 'year' | 'none'
  /** Most pages in one bundle with `shard: 'size'`; bounds Pagefind's memory (~1 GB per 1,000 pages). Default 2,500. */
  shardPages?: number
  /** Bundles written at once, each in its own worker and Pagefind process. Default 2 (1 on a single core). */
  parallel?: number
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
  /**
   * The most frequent Han characters of the indexed text, most frequent first: the search ranks pages by the
   * rarest character of each phrase, whose postings are small (see `runSearch`).
   */
  frequent: string
}

/** Name of the manifest the search page and the CLI read. */
export const shardManifest = 'pagefind-shards.json'

/**
 * Index the report pages of a built site with Pagefind in bundles of bounded size, two at a time, so memory
 * stays bounded and both cores work.
 * @example await indexSite('_site', { pathPrefix: '/', shard: 'size' })
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
  const parallel = options.parallel ?? Math.min(2, availableParallelism())
  const groups = groupPages(pages, options.shard ?? 'size', options.shardPages ?? 2500, parallel)
  const jobs = groups.map((group, position) => ({
    siteDir,
    prefix,
    folder: group.folder,
    years: group.years,
    files: group.pages.map((page) => page.file),
    primary: position === 0,
    segment: options.segment ?? 'characters',
  }))
  const written = await writeShards(jobs, parallel)
  const shards: IndexShard[] = []
  const characters = new Map<string, number>()
  for (const [position, result] of written.entries()) {
    messages.push(...result.messages)
    const group = groups[position]
    if (result.value === null || !group) continue
    shards.push({ path: group.folder, years: group.years, pages: result.value.pages })
    for (const [character, count] of Object.entries(result.value.characters)) characters.set(character, (characters.get(character) ?? 0) + count)
  }
  if (shards.length < groups.length) return { value: null, messages }
  const frequent = mostFrequent(characters)
  await writeFile(path.join(siteDir, shardManifest), `${JSON.stringify({ version: 1, shards, frequent }, null, 2)}\n`)
  const bytes = (await Promise.all(shards.map((shard) => sizeOf(path.join(siteDir, shard.path))))).reduce((a, b) => a + b, 0)
  return { value: { pages: pages.length - countFailed(messages), shards, bytes, frequent }, messages }
}

interface PageGroup {
  folder: string
  years: number[]
  pages: ReportPage[]
}

/** Fewest pages worth a bundle of their own: below this, a second Pagefind start costs more than it saves. */
const pagesPerParallelShard = 500

/**
 * Split pages into bundles, newest first: the first is `pagefind/`, the rest `pagefind-{n}/` (by size) or
 * `pagefind-{year}/` (by year). Pages without a year go with the newest. By size, there are at least as many
 * bundles as are written at once (when each gets `pagesPerParallelShard` pages), so every core indexes.
 */
function groupPages(pages: ReportPage[], shard: 'size' | 'year' | 'none', shardPages: number, parallel: number): PageGroup[] {
  const yearsOf = (list: ReportPage[]): number[] =>
    [...new Set(list.flatMap((page) => (page.year === null ? [] : [page.year])))].sort((a, b) => b - a)
  const years = yearsOf(pages)
  const count = Math.max(Math.ceil(pages.length / Math.max(1, shardPages)), Math.min(parallel, Math.floor(pages.length / pagesPerParallelShard)), 1)
  if (shard === 'none' || (shard === 'year' && years.length <= 1) || (shard === 'size' && count === 1)) {
    return [{ folder: 'pagefind/', years, pages }]
  }
  if (shard === 'size') {
    const newest = years[0] ?? Number.POSITIVE_INFINITY
    // Newest first, then by file, so the split never depends on the order pages were found in.
    const ordered = [...pages].sort((a, b) => (b.year ?? newest) - (a.year ?? newest) || (a.file < b.file ? -1 : 1))
    const size = Math.ceil(ordered.length / count)
    return Array.from({ length: count }, (_, n) => {
      const slice = ordered.slice(n * size, (n + 1) * size)
      return { folder: n === 0 ? 'pagefind/' : `pagefind-${n + 1}/`, years: yearsOf(slice), pages: slice }
    }).filter((group) => group.pages.length > 0)
  }
  const [newest, ...older] = years as [number, ...number[]]
  return [
    { folder: 'pagefind/', years: [newest], pages: pages.filter((page) => page.year === null || page.year === newest) },
    ...older.map((year) => ({ folder: `pagefind-${year}/`, years: [year], pages: pages.filter((page) => page.year === year) })),
  ]
}

/** Characters listed in the manifest: enough to hold every common one (~2 KB), the rest count as rare. */
const frequentListed = 600

/** The most frequent characters, most frequent first, ties in code point order so the manifest is stable. */
function mostFrequent(counts: Map<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, frequentListed)
    .map(([character]) => character)
    .join('')
}

async function removeOldBundles(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir, { withFileTypes: true })) {
    if (entry.isDirectory() && /^pagefind(-\d+)?$/.test(entry.name)) {
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
