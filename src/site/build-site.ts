import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eleventy } from '@11ty/eleventy'
import { indexSite } from '../search/index.ts'
import type { Message, Report } from '../types.ts'
import { assignPermalinks } from './assign-permalinks.ts'
import { composeSiteData } from './compose-site-data.ts'
import { dropDuplicateReports } from './drop-duplicate-reports.ts'
import { keepLatestVersions } from './keep-latest-versions.ts'
import { loadReports, type LoadedReports } from './load-reports.ts'
import { readPermalinkRegistry, registryFile, writePermalinkRegistry } from './permalink-registry.ts'
import { createProgress } from './progress.ts'
import { writeOpenData } from './write-open-data.ts'
import { writeOriginals } from './write-originals.ts'

/** Options for `buildSite`. */
export interface BuildOptions {
  /** Folder of source reports. Default `reports`. */
  reportsDir?: string
  /** Folder the site is written to; emptied first. Default `_site`. */
  outDir?: string
  /** Sub-path the site is served under. Default `/`. */
  pathPrefix?: string
  /** Absolute origin used in citations, the feed and the sitemap. Default `http://localhost:8080`. */
  siteUrl?: string
  /** Build the Pagefind index. Default true. */
  index?: boolean
  /**
   * Record new and changed permalinks in `reportsDir/permalinks.json` (written only when it changes). Default false:
   * `npm run build` and `npm start` turn it on; a library call or a test never writes into a reports folder unasked.
   */
  recordPermalinks?: boolean
  /** Replace the list-read-parse step (tests, caching). Default `loadReports`. */
  load?: (root: string) => Promise<LoadedReports>
}

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

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Build the archive: load reports → compose page data → Eleventy → open data → Pagefind index. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now()
  const reportsDir = options.reportsDir ?? 'reports'
  const outDir = path.resolve(options.outDir ?? '_site')
  const pathPrefix = normalisePrefix(options.pathPrefix ?? '/')
  const siteUrl = (options.siteUrl ?? 'http://localhost:8080').replace(/\/+$/, '')
  // A bar on a terminal while parsing and indexing; scripts/build.ts prints the summary line.
  const progress = createProgress('解析报告')
  const loaded = await (options.load ?? ((root: string) => loadReports(root, { onProgress: progress.update })))(reportsDir)
  progress.done()
  // The same report twice (a GBK and a UTF-8 copy) is published once, before it could take a permalink of its own.
  const registry = await readPermalinkRegistry(reportsDir)
  const registered = new Set(registry.value.reports.filter((entry) => entry.removed !== true).map((entry) => entry.file))
  // An original that changed after publication is published once, as its latest version, with the others attached.
  const distinct = dropDuplicateReports(keepLatestVersions(loaded.reports), (file) => registered.has(file))
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
    options.recordPermalinks === true && registry.writable
      ? await writePermalinkRegistry(reportsDir, { reports: unique.registry.reports, regions: site.regionSlugs })
      : false
  await emptyOutput(outDir)
  const eleventy = new Eleventy(path.join(projectRoot, 'templates'), outDir, {
    configPath: path.join(projectRoot, '.eleventy.ts'),
    pathPrefix,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('site', site)
    },
  })
  // The build prints its own summary line; Eleventy's would be a second one. Its errors still throw.
  eleventy.disableLogger()
  await eleventy.write()
  await writeOpenData(outDir, unique.reports, site)
  const originals = new Map(unique.reports.map((report) => [report.id, [...(report.source.versions ?? []).map((version) => version.file), report.source.file]]))
  await writeOriginals(outDir, reportsDir, site.reports, originals)
  if (options.index !== false) {
    const indexing = createProgress('建立索引')
    const indexed = await indexSite(outDir, { pathPrefix, onProgress: indexing.update })
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

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}
