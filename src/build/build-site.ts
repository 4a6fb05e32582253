import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { writeOpenData } from '../open-data/index.ts'
import { indexSite, type ReportPage } from '../search/index.ts'
import { assignPermalinks, composeSiteData, dropDuplicateReports, readPermalinkRegistry, registryFile, renderSite, writePermalinkRegistry, type SiteData } from '../site/index.ts'
import type { Message, Report } from '../types.ts'
import { resolveBuildOptions, type BuildOptions } from './build-options.ts'
import { loadReports } from './load-reports.ts'
import { createProgress } from './progress.ts'

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
  /** The output folder. */
  outDir: string
  /** What the permalink registry gained this build, and whether it was written (`recordPermalinks`). */
  permalinks: { added: number; changed: number; removed: number; file: string; written: boolean }
}

/** Build the archive: load reports (ingest → parse) → compose page data → Eleventy → open data → Pagefind index. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now()
  const { reportsDir, outDir, pathPrefix, siteUrl, ...resolved } = resolveBuildOptions(options)
  // A bar on a terminal while parsing and indexing; scripts/build.ts prints the summary line.
  const progress = createProgress('解析报告')
  const loaded = await (resolved.load ?? ((root: string) => loadReports(root, { onProgress: progress.update })))(reportsDir)
  progress.done()
  // The same report twice (a GBK and a UTF-8 copy) is published once, before it could take a permalink of its own.
  const registry = await readPermalinkRegistry(reportsDir)
  const registered = new Set(registry.value.reports.filter((entry) => entry.removed !== true).map((entry) => entry.file))
  const distinct = dropDuplicateReports(loaded.reports, (file) => registered.has(file))
  const unique = assignPermalinks(distinct.reports, registry.value)
  const messages = [...registry.messages, ...loaded.messages, ...distinct.messages, ...unique.messages]
  const site = composeSiteData({
    reports: unique.reports,
    failures: loaded.failures,
    messages,
    siteUrl,
    pathPrefix,
    regionSlugs: unique.registry.regions,
    removed: unique.removed,
  })
  const written =
    resolved.recordPermalinks && registry.writable
      ? await writePermalinkRegistry(reportsDir, { reports: unique.registry.reports, regions: site.regionSlugs })
      : false
  await emptyOutput(outDir)
  await renderSite(site, outDir, pathPrefix)
  await writeOpenData(outDir, unique.reports, site)
  if (resolved.index) {
    const indexing = createProgress('建立索引')
    const indexed = await indexSite(outDir, {
      pathPrefix,
      onProgress: indexing.update,
      pages: reportPagesOf(site),
      ...(resolved.onlyBundles && resolved.onlyBundles.length > 0 ? { only: resolved.onlyBundles } : {}),
    })
    indexing.done()
    messages.push(...indexed.messages)
  }
  const errors = loaded.failures.length + messages.filter((message) => message.severity === 'error').length
  return {
    reports: unique.reports,
    failures: loaded.failures,
    messages,
    warnings: messages.filter((message) => message.severity === 'warning').length,
    errors,
    seconds: (performance.now() - started) / 1000,
    outDir,
    permalinks: { ...unique.changes, file: path.join(reportsDir, registryFile), written },
  }
}

/** The pages the index takes, as the site was composed: every report page and its year (no need to read the site back). */
function reportPagesOf(site: SiteData): ReportPage[] {
  return site.reports.map((view) => ({ file: `${view.url.slice(1)}index.html`, year: view.year }))
}

/** Remove a previous build so stale pages never survive; refuses folders that look like a project, not a site. */
async function emptyOutput(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => null)
  if (entries === null) return
  if (entries.some((name) => name === 'package.json' || name === '.git' || name === 'src')) {
    throw new Error(`refusing to empty ${outDir}: it looks like a project folder, not a built site`)
  }
  if (!(await stat(outDir)).isDirectory()) throw new Error(`${outDir} is not a folder`)
  await rm(outDir, { recursive: true, force: true })
}
