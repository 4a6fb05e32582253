import { readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { availableParallelism } from 'node:os'
import { createMessage } from '../messages.ts'
import { normalisePrefix } from '../path-prefix.ts'
import type { Message, Result } from '../types.ts'
import type { IndexRecord, PlannedPage } from './index-record.ts'
import { loadPagefindRuntime, type PagefindRuntime } from './pagefind-format/pagefind-runtime.ts'
import { planBundles, yearLabel, type BundlePlan } from './plan-bundles.ts'
import type { BundleJob } from './write-bundle.ts'
import { writeBundles } from './write-bundles.ts'

/** Options for `indexSite`. */
export interface IndexOptions {
  /** Sub-path the site is served from, e.g. `/archive/`; baked into result URLs. Default `/`. */
  pathPrefix?: string
  /**
   * How pages are split into groups and bundles: `year`: by year, newest first (the first bundle in `pagefind/`),
   * a large year in parts of about `bundlePages` pages, newest published first (`planBundles`), pages without a year
   * last; each bundle is a group, and the search reads a group at a time. `none`: everything in `pagefind/`, one
   * group. Default `year`.
   */
  split?: 'year' | 'none'
  /**
   * Pages per bundle, on average: a year's pages, newest published first, are cut after each page whose URL ends a
   * part (one in `bundlePages`, `planBundles`), and a part of more than `partPagesAtMost` times as many cut again.
   * Bounds the memory of writing one, the time to re-index the part a changed report is in, and what the first query
   * reads (the newest part, more only while hits are too few). Default `bundleDefaults.bundlePages`.
   */
  bundlePages?: number
  /** Bundles written at once, each in its own worker thread. Default 2 (1 on a single core). */
  parallel?: number
  /**
   * Until this settles, one bundle at a time, whatever `parallel` says: the caller's thread is busy meanwhile (the
   * build renders the site), so one bundle's thread beside it keeps both cores working, and memory holds the
   * caller's heap and one bundle rather than two. Default: none, `parallel` from the start.
   */
  whileBusy?: PromiseLike<unknown>
  /**
   * Called once the first bundle is under way in a thread of its own (or when there is none to write): from then on
   * it goes on while the caller's thread is busy with synchronous work, such as the build's analysis.
   */
  onStarted?: () => void
  /** Called as pages are added to the index: `done` of `total` report pages (for a progress bar). */
  onProgress?: (done: number, total: number) => void
  /** Most times a frequent index word is repeated, for the ranking (`dataPageOf`). Default 6. */
  maxRepeats?: number
  /**
   * Write only these bundles (`planBundles` names: `2022-3f9a1c2b`, `2022`, `undated`, `all`; a year or `undated`
   * takes all its parts); the other planned bundles are left as they are on disk (another job writes them, or they
   * are up to date). Default: every bundle.
   */
  only?: readonly string[]
}

/** One Pagefind bundle the search page loads (the first) or merges (the rest); a `shards` entry of the manifest. */
export interface IndexedBundle {
  /** Bundle folder relative to the site root, ending in `/`, e.g. `pagefind-2022/`. */
  path: string
  /** Years whose reports it holds, newest first; empty when the pages state no year. */
  years: number[]
  /** Pages indexed into it. */
  pages: number
  /** Its pages' `group` filter value: the bundle's name (`2022`, `2022-3f9a1c2b`, `undated`), or null when the site is one group. */
  group: string | null
}

/** What `indexSite` wrote; also written to `pagefind-shards.json`. */
export interface IndexSummary {
  /** Report pages indexed. */
  pages: number
  /** Bundles in load order: the first is primary (the manifest calls them `shards`). */
  bundles: IndexedBundle[]
}

/** How pages are split into bundles unless told otherwise. */
export const bundleDefaults = { split: 'year', bundlePages: 1000 } as const

/** Name of the manifest of bundles the search page and the CLI read (its name and fields predate the word bundle). */
export const bundleManifest = 'pagefind-shards.json'

/**
 * Index report pages, given as records made from their page data (`indexRecordOf`), into the site's folder as
 * Pagefind bundles (Pagefind's format and search code), by year and of bounded size, two at a time, so memory stays
 * bounded, both cores work, and the search page's first query reads the newest part of the newest year.
 * @example await indexSite('_site', site.reports.map(indexRecordOf), { pathPrefix: '/', split: 'year' })
 */
export async function indexSite(siteDir: string, pages: readonly IndexRecord[], options: IndexOptions = {}): Promise<Result<IndexSummary>> {
  const plan = planBundles(pages, options.split ?? bundleDefaults.split, options.bundlePages ?? bundleDefaults.bundlePages)
  return indexBundles(siteDir, plan, options)
}

/** `indexBundles`' options: `indexSite`'s but the plan's. */
export type BundleIndexOptions = Omit<IndexOptions, 'split' | 'bundlePages'>

/**
 * Index the bundles of a plan already made (`planBundles`), as `indexSite` does with its own: for a caller that needs
 * the plan too (the build digests its bundles), so the pages are planned once. A plan of pages that are not records
 * yet comes with `recordOf`: each bundle's records are made when it is written, and let go once its worker has them
 * (at 100,000 reports the records were ~420 MB held through the build, and a rebuild writes one bundle of dozens).
 * @example await indexBundles('_site', planBundles(records, 'year', 1000), { pathPrefix: '/' })
 */
export function indexBundles(siteDir: string, bundles: readonly BundlePlan<IndexRecord>[], options?: BundleIndexOptions): Promise<Result<IndexSummary>>
export function indexBundles<P extends PlannedPage>(siteDir: string, bundles: readonly BundlePlan<P>[], options: BundleIndexOptions & { recordOf: (page: P) => IndexRecord }): Promise<Result<IndexSummary>>
export async function indexBundles<P extends PlannedPage>(
  siteDir: string,
  bundles: readonly BundlePlan<P>[],
  options: BundleIndexOptions & { recordOf?: (page: P) => IndexRecord } = {},
): Promise<Result<IndexSummary>> {
  // Without `recordOf` the overloads make the pages records already.
  const recordOf = options.recordOf ?? ((page: P) => page as PlannedPage as IndexRecord)
  const messages: Message[] = []
  const prefix = normalisePrefix(options.pathPrefix ?? '/')
  const pages = bundles.reduce((sum, bundle) => sum + bundle.records.length, 0)
  if (pages === 0) {
    messages.push(createMessage('no-report-pages', { file: siteDir, severity: 'warning' }))
  }
  const unknown = (options.only ?? []).filter((name) => !bundles.some((bundle) => answersTo(bundle, name)))
  if (unknown.length > 0) {
    const names = bundles.map((bundle) => bundle.name).join('、')
    return { value: null, messages: [createMessage('unknown-bundle', { file: siteDir, severity: 'error' }, { names: unknown.join('、'), known: names })] }
  }
  const chosen = options.only ? bundles.filter((bundle) => options.only?.some((name) => answersTo(bundle, name))) : bundles
  await removeUnplannedBundles(siteDir, bundles)
  const parallel = options.parallel ?? Math.min(2, availableParallelism())
  let runtime: PagefindRuntime
  try {
    runtime = await loadPagefindRuntime()
  } catch (error) {
    return { value: null, messages: [...messages, createMessage('pagefind-error', { file: siteDir, severity: 'error' }, { step: 'runtime', detail: String(error) })] }
  }
  const jobs = chosen.map((bundle) => ({
    pages: bundle.records.length,
    job: (): BundleJob => ({
      siteDir,
      prefix,
      folder: bundle.folder,
      years: bundle.years,
      records: bundle.records.map(recordOf),
      primary: bundle === bundles[0],
      group: bundle.group,
      ...(options.maxRepeats === undefined ? {} : { maxRepeats: options.maxRepeats }),
      runtime,
    }),
  }))
  let done = 0
  const total = chosen.reduce((sum, bundle) => sum + bundle.records.length, 0)
  const written = await writeBundles(jobs, parallel, {
    onPage: () => options.onProgress?.(++done, total),
    ...(options.whileBusy ? { whileBusy: options.whileBusy } : {}),
    ...(options.onStarted ? { onStarted: options.onStarted } : {}),
  })
  let failed = false
  const counts = new Map<BundlePlan<P>, number>()
  for (const [position, result] of written.entries()) {
    messages.push(...result.messages)
    const bundle = chosen[position]
    if (!bundle) continue
    if (result.value === null) failed = true
    else counts.set(bundle, result.value.pages)
  }
  if (failed) return { value: null, messages }
  // A bundle another job writes is listed with its planned pages: every job writes the same manifest.
  const indexed: IndexedBundle[] = bundles.map((bundle) => ({
    path: bundle.folder,
    years: bundle.years,
    pages: counts.get(bundle) ?? bundle.records.length,
    group: bundle.group,
  }))
  await writeFile(path.join(siteDir, bundleManifest), `${JSON.stringify({ version: 2, shards: indexed }, null, 2)}\n`)
  return { value: { pages, bundles: indexed }, messages }
}

/**
 * Whether `--only-bundle NAME` takes this bundle: its own name (`2022-3f9a1c2b`), or its year (`2022`: every part of
 * the year, so a job per year needs no list of parts) or `undated`.
 */
function answersTo(bundle: BundlePlan, name: string): boolean {
  return bundle.name === name || (bundle.group !== null && name === yearLabel(bundle.years[0] ?? null))
}

/** Remove bundle folders the plan no longer has (a year whose reports are all gone, a split that merged). */
async function removeUnplannedBundles(siteDir: string, bundles: readonly BundlePlan[]): Promise<void> {
  const planned = new Set(bundles.map((bundle) => bundle.folder.replace(/\/$/, '')))
  for (const entry of await readdir(siteDir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && /^pagefind(-[\w-]+)?(\.partial)?$/.test(entry.name) && !planned.has(entry.name)) {
      await rm(path.join(siteDir, entry.name), { recursive: true, force: true })
    }
  }
}
