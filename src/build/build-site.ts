import { createHash } from 'node:crypto'
import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { reportDataFiles, writeOpenData } from '../open-data/index.ts'
import { bundleDefaults, indexBundles, indexRecordOf, planBundles, plannedPageOf, type BundlePlan, type IndexOptions, type IndexSummary, type PlannedPage } from '../search/index.ts'
import { assignPermalinks, composeSiteParts, keepKindsOf, reportPageFields, reportPlacement, dropDuplicateReports, keepLatestVersions, readPermalinkRegistry, registryFile, renderSite, originalFiles, writeOriginals, writePermalinkRegistry, allPages, digestPages, digestReportContents, digestSingletons, htmlFilesOf, selectPages, type PageDigest, type PermalinkRegistry } from '../site/index.ts'
import { createMessage, formatMessage } from '../messages.ts'
import type { Message, Report, Result } from '../types.ts'
import type { CorpusAnalysis } from '../analysis/index.ts'
import { resolveBuildOptions, type BuildOptions } from './build-options.ts'
import { clearBuildState, digestBuildCode, readBuildState, stateFileOf, writeBuildState, type BuildState } from './build-state.ts'
import { openAnalysisCache, type AnalysisCache } from './analysis-cache.ts'
import { knownBodyKey, memoSectionsKey } from './sections-key.ts'
import { loadReports, type LoadedReports } from './load-reports.ts'
import { spilledFrom, spillSections } from './spill-sections.ts'
import { spillDiffs } from './spilled-diffs.ts'
import { createProgress } from './progress.ts'
import { capHeapGrowth, collectGarbage, collectGarbageAfterGrowth, largeIndexHeapGrowth, setWorkerSemiSpace } from './collect-garbage.ts'

/** What a build did. */
export interface BuildSummary {
  /** Reports published. */
  reports: Report[]
  /** Files that could not be published. */
  failures: Message[]
  /** Every warning and non-fatal error, failures excluded. */
  messages: Message[]
  /** Warnings: warning messages. */
  warnings: number
  /** Errors: failures plus error messages. */
  errors: number
  /** Wall-clock seconds. */
  seconds: number
  /** Of which the analysis stage (0 when off). */
  analysisSeconds: number
  /** The output folder. */
  outDir: string
  /** What the permalink registry gained this build, and whether it was written (`recordPermalinks`). */
  permalinks: { added: number; changed: number; removed: number; file: string; written: boolean }
  /**
   * What an incremental build redid: paginated pages rendered, pages without pagination rendered (their template
   * files), pages removed, search bundles written; null for a full build.
   */
  incremental: { pages: number; singletons: string[]; removed: number; bundles: string[] } | null
  /**
   * Wall-clock seconds of each stage: loading (list, read, parse), rendering (page data, Eleventy, open data), and
   * indexing, from the first bundle started (before Eleventy: the two overlap) to the last one written.
   */
  timings: { load: number; render: number; index: number }
}

/** Build the archive: load reports (ingest → parse) → compose page data → Eleventy → open data → Pagefind index. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now()
  const resolved = resolveBuildOptions(options)
  // The analysis begins now: its reuse worker loads and reads what the last build kept while the reports load.
  const analysisCache = resolved.analyse ? await openAnalysisCache(path.join(resolved.stateDir, 'analysis.json')) : null
  try {
    return await buildWith(resolved, analysisCache, started)
  } finally {
    // Ended already when the build got as far as analysing; a build that stopped before must not leave it waiting.
    analysisCache?.close()
  }
}

async function buildWith(options: ReturnType<typeof resolveBuildOptions>, analysisCache: AnalysisCache | null, started: number): Promise<BuildSummary> {
  const { reportsDir, outDir, pathPrefix, siteUrl, ...resolved } = options
  const { loaded, unique, messages, registryWritable, loadedAt } = await loadAndName(reportsDir, resolved.load, resolved.recordPermalinks)
  // Each report's sections digested once, when first asked: the analysis's kept parts are keyed by it, and page
  // digests use it. The analysis asks right after posting the reports to its worker, which takes them in meanwhile.
  const sectionsKeyOf = memoSectionsKey(loaded.digests)
  // Past `spillSectionsFrom` reports the sections are let go once the reuse worker has the reports: from here each
  // report's are read back from its parse cache entry when asked (a few times: the index, the compose, this thread's
  // part of the analysis, the page). Held through this thread's analysis, they were ~1.5 GB of its heap at 100,000
  // reports while the reuse worker's heap peaked beside it. The worker reads them from those entries too.
  const large = unique.reports.length >= resolved.spillSectionsFrom
  const stored = large ? loaded.stored : undefined
  // A large build trades time for memory here too: its heaps grow by a quarter of what a collection left, not by up
  // to 4×, until its pages are written.
  const heapCapped = large && capHeapGrowth()
  // The reuse worker has started: the index's workers, made from here on, get V8's default young generation.
  if (large) setWorkerSemiSpace()
  const spilled = stored !== undefined
  if (stored) {
    // The keys are made first, while each report's sections are still the ones its digests were made of.
    for (const report of unique.reports) sectionsKeyOf(report)
    // What every page-fields ask reads of the sections (their kinds) is kept, not read back each time.
    spillSections(unique.reports, stored, (copy, original) => keepKindsOf(copy, original.sections))
  }
  // The reuse worker gets the reports now, and finds the reuse while this thread plans the index and analyses the
  // rest; a spilled report is posted as its parse cache entry, which the worker reads.
  const analysis = analysisCache?.begin(unique.reports, sectionsKeyOf, stored && spilledFrom) ?? null
  // And collected at once: at 100,000 reports V8 let this thread's heap grow 2.0 → 6.5 GB of garbage (the sections
  // let go, the reports posted to the worker, the first sections read back) before its next full collection.
  if (stored) collectGarbage()
  // An incremental build needs the state of a finished build of this folder, made by the same code and options.
  const onlyBundles = resolved.onlyBundles && resolved.onlyBundles.length > 0 ? resolved.onlyBundles : null
  const stateFile = stateFileOf(resolved.stateDir, outDir)
  const split = resolved.search?.split ?? bundleDefaults.split
  const bundlePages = resolved.search?.bundlePages ?? bundleDefaults.bundlePages
  const code = await digestBuildCode({ pathPrefix, siteUrl, index: resolved.index, split, bundlePages, reportsPerPartPage: resolved.reportsPerPartPage, listedPerPage: resolved.listedPerPage })
  const previous = resolved.incremental && !onlyBundles ? await usableState(stateFile, code, outDir) : null
  await clearBuildState(stateFile)
  // A full build starts from an empty folder, emptied before the index writes its first bundle into it.
  if (!previous) await emptyOutput(outDir)
  const indexStartedAt = performance.now()
  let rendered = (): void => {}
  const rendering = new Promise<void>((resolve) => (rendered = resolve))
  // The index reads only each report and its address, never the analysis or the built pages: its bundles (worker
  // threads) are written while this thread analyses and renders, one at a time (`whileBusy`:
  // this thread takes the other core and its heap the memory of a second bundle), then two at a time.
  const indexing = resolved.index
    ? startIndex(outDir, unique.reports, sectionsKeyOf, previous, {
        pathPrefix,
        split,
        bundlePages,
        whileBusy: rendering,
        ...(resolved.search?.parallel === undefined ? {} : { parallel: resolved.search.parallel }),
        ...(resolved.search?.maxRepeats === undefined ? {} : { maxRepeats: resolved.search.maxRepeats }),
        ...(onlyBundles ? { only: onlyBundles } : {}),
      })
    : null
  // The analysis holds this thread for seconds without a break: the first bundle's worker must exist before it starts.
  await indexing?.started
  // Should the analysis or the rendering throw, the error ends the build once the bundles started are written.
  const published = await publishPages({
    reports: unique.reports,
    failures: loaded.failures,
    messages,
    reportsDir,
    outDir,
    siteUrl,
    pathPrefix,
    analysis,
    sectionsKeyOf,
    spilled,
    heapCapped,
    recordPermalinks: resolved.recordPermalinks,
    reportsPerPartPage: resolved.reportsPerPartPage,
    listedPerPage: resolved.listedPerPage,
    registryWritable,
    registry: unique.registry,
    removed: unique.removed,
    previous,
  }).catch(async (error: unknown) => {
    rendered()
    await indexing?.finished
    await analysisCache?.finished()
    throw error
  })
  const { analysisSeconds, written, pages, singletons, changed, unchangedSingletons, reportFiles, data } = published
  const renderedAt = performance.now()
  // The render's garbage goes before the index writes two bundles at once (a second worker and its heap); a rebuild
  // writing one bundle has no second one to make room for (the collection was ~0.25 s of its tail).
  if (indexing && indexing.rebuilt.length > 1) collectGarbage()
  rendered()
  // What the analysis keeps for the next build is written while the index finishes, before a state lets one build on this.
  await analysisCache?.finished()
  const indexed = await indexing?.finished
  const bundles = indexing?.bundles ?? null
  const rebuiltBundles = indexing?.rebuilt ?? []
  if (indexed instanceof Error) throw indexed
  if (indexed) messages.push(...indexed.messages)
  const indexFailed = indexed?.value === null
  const indexedAt = performance.now()
  // Only a whole, finished build leaves a state to build on.
  if (!onlyBundles && !indexFailed) {
    await writeBuildState(stateFile, { code, pages: Object.fromEntries(pages), singletons, reports: reportFiles, bundles, data })
  }
  const errors = loaded.failures.length + messages.filter((message) => message.severity === 'error').length
  return {
    reports: unique.reports,
    failures: loaded.failures,
    messages,
    warnings: messages.filter((message) => message.severity === 'warning').length,
    errors,
    seconds: (performance.now() - started) / 1000,
    analysisSeconds,
    outDir,
    permalinks: { ...unique.changes, file: path.join(reportsDir, registryFile), written },
    timings: { load: (loadedAt - started) / 1000, render: (renderedAt - loadedAt) / 1000, index: indexing ? (indexedAt - indexStartedAt) / 1000 : 0 },
    incremental: changed
      ? {
          pages: changed.render.size,
          singletons: Object.keys(singletons).filter((name) => !unchangedSingletons.has(name)),
          removed: changed.removed.length,
          bundles: resolved.index ? rebuiltBundles : [],
        }
      : null,
  }
}

/**
 * Load the reports and name them: each once (its latest version, no second copy), with its permalink. A function of
 * its own so that nothing keeps the reports as loaded: an async function holds every local to its end, and the
 * loaded reports hold the sections that the named ones let go (`spillSections`).
 */
async function loadAndName(reportsDir: string, load: ((root: string) => Promise<LoadedReports>) | undefined, recordPermalinks: boolean) {
  // A bar on a terminal while parsing and indexing; scripts/build.ts prints the summary line.
  const progress = createProgress('解析报告')
  const { reports, ...loaded } = await (load ?? ((root: string) => loadReports(root, { onProgress: progress.update })))(reportsDir)
  progress.done()
  const loadedAt = performance.now()
  // The same report twice (a GBK and a UTF-8 copy) is published once, before it could take a permalink of its own.
  const registry = await readPermalinkRegistry(reportsDir)
  const registered = new Set(registry.value.reports.filter((entry) => entry.removed !== true).map((entry) => entry.file))
  // An original that changed after publication is published once, as its latest version, with the others attached.
  const distinct = dropDuplicateReports(keepLatestVersions(reports), (file) => registered.has(file), knownBodyKey(loaded.digests))
  const present = new Set([...reports.map((report) => report.source.file), ...loaded.failures.map((failure) => failure.file)])
  const unique = assignPermalinks(distinct.reports, registry.value, { present, recordAnchors: recordPermalinks })
  const messages = [...registry.messages, ...loaded.messages, ...distinct.messages, ...unique.messages]
  return { loaded, unique, messages, registryWritable: registry.writable, loadedAt }
}

/** Growth of the heap in use past which the render collects its garbage between Eleventy runs. */
const renderHeapGrowth = 2 ** 30

/** What `publishPages` did, for the summary and the build state. */
interface Published {
  analysisSeconds: number
  /** Whether the permalink registry was written. */
  written: boolean
  pages: Map<string, PageDigest>
  singletons: Record<string, string>
  changed: { render: Set<string>; removed: string[] } | null
  unchangedSingletons: Set<string>
  reportFiles: BuildState['reports']
  /** Where each report's part of the open-data tables lies. */
  data: NonNullable<BuildState['data']>
}

/** What `publishPages` needs: the build's reports and where they go. */
interface PublishInput {
  reports: readonly Report[]
  failures: readonly Message[]
  messages: readonly Message[]
  reportsDir: string
  outDir: string
  siteUrl: string
  pathPrefix: string
  /** The rest of the analysis, begun (`AnalysisCache.begin`); null when it is off. */
  analysis: ((whileWaiting?: () => void) => Promise<CorpusAnalysis>) | null
  /** A report's `sectionsKey`. */
  sectionsKeyOf: (report: Report) => string
  /** Whether the reports' sections were let go (`spillSections`), to be read back from the parse cache when asked. */
  spilled: boolean
  /** Whether the build capped its heaps' growth (`capHeapGrowth`) until its pages are written. */
  heapCapped: boolean
  recordPermalinks: boolean
  /** Reports of a year per page of its part pages. */
  reportsPerPartPage: number
  /** Entries a list page (a year's reports, the agencies) shows at most before it is split by province. */
  listedPerPage: number
  registryWritable: boolean
  /** The permalink registry as this build leaves it. */
  registry: PermalinkRegistry
  /** Reports of the registry whose source is gone. */
  removed: readonly { id: string; file: string }[]
  /** The last build's state, for an incremental build. */
  previous: BuildState | null
}

/**
 * Everything but the index: analyse, compose the page data, render the pages (all, or those whose digest changed),
 * write open data and originals. Returns what the build state keeps.
 */
async function publishPages(input: PublishInput): Promise<Published> {
  const previous = input.previous
  const analysisStarted = performance.now()
  // The rest of the analysis runs on this thread until it waits for the reuse worker (seconds, on a rebuild); the site
  // is composed meanwhile, and the analysis's parts added once it is there.
  const analysing = input.analysis
    ?.(() => {
      // The analysis's garbage (the sections it read back among it) this thread would keep through the wait: it
      // allocates little until the worker answers, so V8 does not collect (at 100,000 reports its heap stayed at
      // 2.9 GB for the worker's last 4 minutes).
      if (input.spilled && !previous) collectGarbage()
    })
    .then((result) => ({ result, at: performance.now() }))
  // Awaited below; should the compose throw first, its rejection is not left unhandled.
  analysing?.catch(() => undefined)
  const composed = composeSiteParts({
    reports: input.reports,
    failures: input.failures,
    messages: input.messages,
    siteUrl: input.siteUrl,
    pathPrefix: input.pathPrefix,
    regionSlugs: input.registry.regions,
    removed: input.removed,
    reportsPerPartPage: input.reportsPerPartPage,
    listedPerPage: input.listedPerPage,
  })
  // Each report's text and address digested meanwhile too; its analysis is digested once it is there.
  const contents = digestReportContents(composed.site, input.reports, input.sectionsKeyOf)
  const analysed = analysing ? await analysing : null
  const analysis = analysed?.result
  // A large build holds the year-to-year diffs to its end: their text goes to a file, read when a page shows it.
  if (analysis && input.spilled) spillDiffs(analysis.changes)
  // Until the analysis was there: its part on this thread and the wait for the reuse worker, with the compose between.
  const analysisSeconds = analysed ? (analysed.at - analysisStarted) / 1000 : 0
  const site = analysis ? composed.addAnalysis(analysis) : composed.site
  const written =
    input.recordPermalinks && input.registryWritable
      ? await writePermalinkRegistry(input.reportsDir, { reports: input.registry.reports, regions: site.regionSlugs })
      : false
  const pages = digestPages(site, contents, analysis)
  const singletons = digestSingletons(site)
  const changed = previous ? changedPages(previous, pages) : null
  // Pages without pagination whose digest is the one the last build rendered are left as they are.
  const unchangedSingletons = new Set(previous ? Object.keys(singletons).filter((name) => previous.singletons?.[name] === singletons[name]) : [])
  if (changed) await removeFiles(input.outDir, changed.removed.map((url) => `${url.slice(1)}index.html`))
  // The render's collections count growth from what is live, not from the analysis's and the digests' garbage: at
  // 100,000 the count began at ~4.4 GB, mostly garbage, and the heap reached 6.7 GB before the first collection
  // (2.5 GB live). A rebuild renders a few pages and skips it.
  if (!changed) collectGarbage()
  await renderSite(site, input.outDir, input.pathPrefix, changed ? selectPages(site, changed.render) : allPages(site), {
    unchanged: unchangedSingletons,
    // Each run leaves its pages' garbage; V8 lets it grow to ~3 GB at 10,000 reports beside the index's worker.
    afterRun: collectGarbageAfterGrowth(renderHeapGrowth),
  })
  // The pages written, the rest (the index's last bundles, two at a time) may grow by half again.
  if (input.heapCapped) capHeapGrowth(largeIndexHeapGrowth)
  const views = new Map(site.reports.map((view) => [view.id, view]))
  const reportFiles = Object.fromEntries(
    input.reports.map((report) => {
      // A report's JSON also carries its analysis, which other reports change: the page's digest covers both.
      const digest = pages.get(views.get(report.id)?.url ?? '')?.digest ?? ''
      return [report.id, { digest, files: [...reportDataFiles(report), ...originalFiles(views.get(report.id))] }]
    }),
  )
  if (previous) {
    const kept = new Set(Object.values(reportFiles).flatMap((entry) => entry.files))
    await removeFiles(input.outDir, Object.values(previous.reports).flatMap((entry) => entry.files).filter((file) => !kept.has(file)))
  }
  // A report's own files (JSON, RIS, originals) depend only on what its digest covers (the report with its sources'
  // SHA-256, its address, its analysis): a rebuild rewrites those of the reports whose digest changed.
  const reportChanged = (id: string): boolean => !previous || previous.reports[id]?.digest !== reportFiles[id]?.digest
  // The sitemap lists the pages the site has, rendered this time or left from the last build: all of them are in `pages`.
  const data = await writeOpenData(input.outDir, input.reports, site, {
    ...(analysis ? { analysis } : {}),
    ...(previous ? { writeReport: reportChanged, ...(previous.data ? { previousParts: previous.data } : {}) } : {}),
    htmlFiles: htmlFilesOf(pages),
  })
  const originals = new Map(input.reports.map((report) => [report.id, [...(report.source.versions ?? []).map((version) => version.file), report.source.file]]))
  await writeOriginals(input.outDir, input.reportsDir, site.reports.filter((view) => reportChanged(view.id)), originals)
  return { analysisSeconds, written, pages, singletons, changed, unchangedSingletons, reportFiles, data }
}

/** Bundles being written in the background: their digests, those rewritten, and the index's result once done. */
interface IndexRun {
  /** Each planned bundle's digest (`digestBundles`), for the build state. */
  bundles: Record<string, string>
  /** Names of the bundles this build writes. */
  rebuilt: string[]
  /** Settles once the first bundle goes on in a thread of its own (or the index is done): see `IndexOptions.onStarted`. */
  started: Promise<void>
  /** The index's result, or the error it threw (held, so a failure while rendering is not an unhandled rejection). */
  finished: Promise<Result<IndexSummary> | Error>
}

/**
 * Start writing the bundles: a full build writes every one; an incremental build those whose digest changed;
 * `--only-bundle` the named ones. Returns at once; `finished` settles when the last bundle is written.
 */
function startIndex(
  outDir: string,
  reports: readonly Report[],
  sectionsKeyOf: (report: Report) => string,
  previous: BuildState | null,
  options: IndexOptions & Required<Pick<IndexOptions, 'pathPrefix' | 'split' | 'bundlePages'>>,
): IndexRun {
  const { split, bundlePages, ...indexOptions } = options
  // Planned once, from what planning reads: the digests and the index read the same plan, and a bundle's records
  // are made from its reports when it is written (`recordOf`).
  const plan = planBundles(reports.map(plannedReportOf), split, bundlePages)
  const bundles = digestBundles(plan, options.pathPrefix, sectionsKeyOf)
  const rebuilt = Object.keys(bundles).filter((name) => previous?.bundles?.[name] !== bundles[name])
  const progress = createProgress('建立索引')
  let onStarted = (): void => {}
  const started = new Promise<void>((resolve) => (onStarted = resolve))
  const finished = indexBundles(outDir, plan, {
    ...indexOptions,
    recordOf: (page) => indexRecordOf({ ...reportPageFields(page.report), sections: page.report.sections }),
    onStarted,
    onProgress: progress.update,
    ...(options.only ? {} : previous ? { only: rebuilt } : {}),
  }).then(
    (result) => (progress.done(), result),
    (error: unknown) => (progress.done(), error instanceof Error ? error : new Error(String(error))),
  )
  return { bundles, rebuilt, started: Promise.race([started, finished.then(() => undefined)]), finished }
}

/** The last build's state when this build can start from it: same code and options, and the folder still there. */
async function usableState(stateFile: string, code: string, outDir: string): Promise<BuildState | null> {
  const state = await readBuildState(stateFile)
  if (!state || state.code !== code) return null
  const home = await stat(path.join(outDir, 'index.html')).catch(() => null)
  return home?.isFile() ? state : null
}

/** Pages to render (new or changed digest) and URLs whose page is gone. */
function changedPages(previous: BuildState, pages: ReadonlyMap<string, PageDigest>): { render: Set<string>; removed: string[] } {
  const render = new Set<string>()
  for (const [url, page] of pages) {
    const before = previous.pages[url]
    if (!before || before.digest !== page.digest || before.template !== page.template) render.add(url)
  }
  return { render, removed: Object.keys(previous.pages).filter((url) => !pages.has(url)).sort() }
}

/** A report as the index plans it: what `planBundles` reads, and the report its record is made from. */
export interface PlannedReport extends PlannedPage {
  report: Report
}

/** A report's planned page. Exported for its hidden-class test (test/build/fixtures/planned-records.ts). */
export function plannedReportOf(report: Report): PlannedReport {
  // Named one by one: a spread first (`{ ...page, report }`) gave V8 a hidden class per record (~6 MB at 30,000).
  // Not `reportPageFields`: its kinds are read from the sections, which a large build reads back from disk.
  const { url, year, sort } = plannedPageOf(reportPlacement(report))
  return { url, year, sort, report }
}

/**
 * A digest per bundle of its folder, group, years and records: a bundle is made from its records alone, so equal
 * digests mean equal bundles, whatever else changed on the pages (the analysis's notes, the listings). A record is
 * made from its report's page fields and sections (`indexRecordOf`, by this build's code, which the build state
 * checks): those are digested (the sections by their key), not the records, which are not made for bundles left as
 * they are.
 */
function digestBundles(plan: readonly BundlePlan<PlannedReport>[], pathPrefix: string, sectionsKeyOf: (report: Report) => string): Record<string, string> {
  return Object.fromEntries(
    plan.map((bundle, position) => {
      const hash = createHash('sha256').update(JSON.stringify([pathPrefix, position === 0, bundle.folder, bundle.group, bundle.years]))
      for (const { report } of bundle.records) hash.update(JSON.stringify(reportPageFields(report))).update(sectionsKeyOf(report)).update('\0')
      return [bundle.name, hash.digest('hex').slice(0, 20)]
    }),
  )
}

/** Remove files of the site (paths relative to it) and the folders they leave empty, as a clean build would not have them. */
async function removeFiles(outDir: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const target = path.join(outDir, file)
    await rm(target, { force: true })
    for (let dir = path.dirname(target); dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) {
      const left = await readdir(dir).catch(() => null)
      if (left === null || left.length > 0) break
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** Remove a previous build so stale pages never survive; refuses folders that look like a project, not a site. */
async function emptyOutput(outDir: string): Promise<void> {
  // A file in the way is named, not skipped: listing it would fail and the build would then stop on Eleventy's mkdir.
  const info = await stat(outDir).catch(() => null)
  if (info === null) return
  if (!info.isDirectory()) {
    throw new Error(formatMessage(createMessage('bad-output-folder', { file: outDir, severity: 'error' }, { cause: 'not-folder' })))
  }
  if ((await readdir(outDir)).some((name) => name === 'package.json' || name === '.git' || name === 'src')) {
    throw new Error(formatMessage(createMessage('bad-output-folder', { file: outDir, severity: 'error' }, { cause: 'project' })))
  }
  await rm(outDir, { recursive: true, force: true })
}
