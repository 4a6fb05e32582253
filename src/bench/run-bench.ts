import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeWithRule } from '../messages.ts'
import { buildSite, collectGarbage, type BuildSummary, type ProgressStream } from '../build/index.ts'
import { benchBuildOptions, type BenchBuildSettings } from './bench-build.ts'
import { rebuildInChild } from './rebuild-in-child.ts'
import type { IndexOptions } from '../search/index.ts'
import { generateCorpus } from './generate-corpus.ts'
import { scoreAnalysis, type AnalysisScores } from './score-analysis.ts'
import { measureQuery, type QueryMeasure } from './measure-query.ts'
import { readCpuSeconds } from './read-cpu-seconds.ts'
import { watchPeakRss } from './watch-peak-rss.ts'

/** Options for `runBench`. */
export interface BenchOptions {
  /** Reports to generate and build. */
  reports: number
  /** Corpus seed. Default 1. */
  seed?: number
  /** Two-word query to measure. Default `行政复议 执法`. */
  query?: string
  /** Worker threads for parsing. Default: one per core. */
  workers?: number
  /** How pages are split into Pagefind bundles. Default the site's (`year`). */
  split?: IndexOptions['split']
  /** Pages per bundle (a larger year is cut into parts of about this size). Default the site's (1,000). */
  bundlePages?: number
  /** Bundles indexed at once. Default the site's (2). */
  parallel?: number
  /** Hits the measured query shows. Default the search page's (10). */
  limit?: number
  /** After the build, change this many reports and time the incremental rebuild (`rebuild_s`). Default 0: none. */
  touch?: number
  /** Keep the temporary folder (corpus, site) instead of removing it. */
  keep?: boolean
  /** Where progress bars and stage lines go. Default stderr. */
  stream?: ProgressStream
  /** Run the analysis stage (reuse, follow-up, change, substance). Default true; false measures the build without it. */
  analyse?: boolean
  /** Agencies of the planted-truth corpus the analysis is scored on (three years each). Default 100; 0 skips it. */
  plantedAgencies?: number
}

/** The figures the issue asks for, in its order: the JSON line `npm run bench -- --json` prints. */
export interface BenchFigures {
  reports: number
  parse_s: number
  render_s: number
  index_s: number
  total_s: number
  /**
   * CPU seconds of the build: this process's threads and its child processes (null without `/proc`). Steadier than
   * `total_s` on a shared machine, so builds with and without the analysis are compared by it too.
   */
  cpu_s: number | null
  peak_rss_mb: number
  site_mb: number
  files: number
  query_kb: number
  query_ms: number
  /** Seconds of the analysis stage (part of render_s). */
  analysis_s: number
  /** Report pages: mean and largest size, KB. */
  report_page_kb: number
  report_page_max_kb: number
  /** The analysis scored on the planted-truth corpus (null when skipped). */
  reuse_precision: number | null
  reuse_recall: number | null
  follow_up_precision: number | null
  follow_up_recall: number | null
  /** Seconds of the incremental rebuild after `touch` reports changed; only with `--touch`. */
  rebuild_s?: number
}

/** The figures plus what the table shows besides them. */
export interface BenchResult {
  figures: BenchFigures
  /** Seconds spent writing the synthetic corpus (not part of the build). */
  generateSeconds: number
  /** Reports published and files that failed. */
  published: number
  failed: number
  /** Pagefind bundles written and their total size in bytes. */
  bundles: number
  indexBytes: number
  /** The query measurement in full. */
  query: QueryMeasure
  /** The temporary folder, when kept. */
  workDir: string | null
  /** The planted-truth scores in full. */
  planted: AnalysisScores | null
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Generate a synthetic corpus of `reports` reports, build the site on it (parse → render → index) while sampling the
 * memory of the whole process tree, then measure the site and one query against its index.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const stream = options.stream ?? process.stderr
  const workDir = await mkdtemp(path.join(tmpdir(), 'fazhi-bench-'))
  try {
    const reportsDir = path.join(workDir, 'reports')
    const outDir = path.join(workDir, 'site')
    const generateStart = performance.now()
    await generateCorpus({ count: options.reports, outDir: reportsDir, sourceRoot: path.join(projectRoot, 'reports'), seed: options.seed ?? 1 })
    const generateSeconds = seconds(generateStart)
    stream.write(`生成 ${options.reports} 份合成报告，用时 ${generateSeconds.toFixed(1)} 秒\n`)

    const watch = watchPeakRss()
    const cpuBefore = readCpuSeconds()
    const settings: BenchBuildSettings = {
      workDir,
      analyse: options.analyse !== false,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.split === undefined ? {} : { split: options.split }),
      ...(options.bundlePages === undefined ? {} : { bundlePages: options.bundlePages }),
      ...(options.parallel === undefined ? {} : { parallel: options.parallel }),
    }
    const built = await fullBuild(settings, stream)
    const parseSeconds = built.parseSeconds
    const cpuAfter = readCpuSeconds()
    const peak = await watch.stop()
    const renderSeconds = built.timings.render
    const indexSeconds = built.timings.index
    stream.write(`生成页面，用时 ${renderSeconds.toFixed(1)} 秒\n`)
    if (built.indexFailures.length > 0) throw new Error(describeWithRule('bench-index-failed', { detail: built.indexFailures.join('；') }))
    const manifest = JSON.parse(await readFile(path.join(outDir, 'pagefind-shards.json'), 'utf8')) as { shards: { path: string }[] }
    const indexBytes = (await Promise.all(manifest.shards.map((shard) => measureFolder(path.join(outDir, shard.path))))).reduce((sum, folder) => sum + folder.bytes, 0)
    stream.write(`建立索引 ${manifest.shards.length} 个分片，用时 ${indexSeconds.toFixed(1)} 秒\n`)

    const site = await measureFolder(outDir)
    const pages = await measureReportPages(outDir)
    const query = await measureQuery(outDir, options.query ?? '行政复议 执法', options.limit ?? 10)
    const plantedAgencies = options.plantedAgencies ?? 100
    const planted = plantedAgencies > 0 ? scoreAnalysis({ agencies: plantedAgencies, seed: options.seed ?? 1 }) : null
    if (planted) stream.write(`植入真值语料 ${planted.reports} 篇：分析用时 ${planted.seconds.toFixed(1)} 秒\n`)
    const figures: BenchFigures = {
      reports: options.reports,
      parse_s: round(parseSeconds, 2),
      render_s: round(renderSeconds, 2),
      index_s: round(indexSeconds, 2),
      // The build's wall time: the index runs beside rendering, so this is less than parse + render + index.
      total_s: round(built.seconds, 2),
      cpu_s: cpuBefore === null || cpuAfter === null ? null : round(cpuAfter - cpuBefore, 1),
      peak_rss_mb: round(peak / 2 ** 20, 0),
      site_mb: round(site.bytes / 2 ** 20, 1),
      files: site.files,
      query_kb: round(query.dataBytes / 1024, 1),
      query_ms: round(query.queryMs, 1),
      analysis_s: round(built.analysisSeconds, 2),
      report_page_kb: round(pages.meanBytes / 1024, 1),
      report_page_max_kb: round(pages.maxBytes / 1024, 1),
      reuse_precision: planted?.reuse.precision ?? null,
      reuse_recall: planted?.reuse.recall ?? null,
      follow_up_precision: planted?.followUp.precision ?? null,
      follow_up_recall: planted?.followUp.recall ?? null,
    }
    if (options.touch && options.touch > 0) {
      const touched = await touchReports(reportsDir, options.touch)
      // In a process of its own, as `npm run build` runs it; this one gives back the full build's heap first (at
      // 100,000 reports the two together were more than the machine's 24 GB).
      collectGarbage()
      const rebuilt = await rebuildInChild(settings, stream)
      figures.rebuild_s = round(rebuilt.seconds, 2)
      if (!rebuilt.incremental) throw new Error(describeWithRule('bench-not-incremental'))
      stream.write(
        `改动 ${touched} 份报告后增量构建，用时 ${figures.rebuild_s} 秒（重新生成 ${rebuilt.incremental.pages} 个页面，重建索引分片 ${rebuilt.incremental.bundles.join('、') || '无'}；` +
          `读取 ${rebuilt.timings.load.toFixed(1)} 秒，生成页面 ${rebuilt.timings.render.toFixed(1)} 秒，建立索引 ${rebuilt.timings.index.toFixed(1)} 秒；` +
          `新进程连同启动共 ${rebuilt.processSeconds.toFixed(1)} 秒）\n`,
      )
    }
    return {
      figures,
      generateSeconds,
      published: built.published,
      failed: built.failed,
      bundles: manifest.shards.length,
      indexBytes,
      query,
      workDir: options.keep ? workDir : null,
      planted,
    }
  } finally {
    if (!options.keep) await rm(workDir, { recursive: true, force: true })
  }
}

/** What the bench keeps of its full build: figures only, so the build's reports and pages can be collected. */
interface FullBuild extends Pick<BuildSummary, 'seconds' | 'timings' | 'analysisSeconds'> {
  parseSeconds: number
  published: number
  failed: number
  /** Reasons of the index's error messages. */
  indexFailures: string[]
}

async function fullBuild(settings: BenchBuildSettings, stream: ProgressStream): Promise<FullBuild> {
  let parseSeconds = 0
  const built = await buildSite(benchBuildOptions(settings, stream, (parsed) => (parseSeconds = parsed)))
  return {
    seconds: built.seconds,
    timings: built.timings,
    analysisSeconds: built.analysisSeconds,
    parseSeconds,
    published: built.reports.length,
    failed: built.failures.length,
    indexFailures: built.messages.filter((message) => message.ruleId.startsWith('pagefind')).map((message) => message.reason),
  }
}

/**
 * Change `count` reports, spread evenly over the sorted files, the way a maintainer corrects one: a clause added to
 * the first sentence. Returns how many were changed.
 */
async function touchReports(reportsDir: string, count: number): Promise<number> {
  const files = (await readdir(reportsDir, { recursive: true })).filter((file) => /\.txt$/.test(file)).sort()
  const step = files.length / Math.min(count, files.length)
  let touched = 0
  for (let position = 0; position < files.length && touched < count; position += step) {
    const file = path.join(reportsDir, files[Math.floor(position)] ?? '')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('。', '，并坚持问题导向。'))
    touched += 1
  }
  return touched
}

/** Total bytes and number of files under a folder. */
async function measureFolder(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  let bytes = 0
  let files = 0
  for (const entry of entries) {
    if (!entry.isFile()) continue
    files += 1
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size
  }
  return { bytes, files }
}

/** Mean and largest size of the report pages (`reports/{year}/{slug}/index.html`), side-by-side pages excluded. */
async function measureReportPages(outDir: string): Promise<{ meanBytes: number; maxBytes: number }> {
  const entries = await readdir(path.join(outDir, 'reports'), { recursive: true, withFileTypes: true })
  const sizes: number[] = []
  for (const entry of entries) {
    if (!entry.isFile() || entry.name !== 'index.html') continue
    const relative = path.relative(path.join(outDir, 'reports'), entry.parentPath).split(path.sep)
    if (relative.length !== 2) continue
    sizes.push((await stat(path.join(entry.parentPath, entry.name))).size)
  }
  return { meanBytes: sizes.reduce((sum, size) => sum + size, 0) / Math.max(1, sizes.length), maxBytes: Math.max(0, ...sizes) }
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
