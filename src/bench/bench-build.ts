import path from 'node:path'
import { buildSite, createProgress, loadReports, type BuildOptions, type BuildSummary, type ProgressStream } from '../build/index.ts'
import type { IndexOptions } from '../search/index.ts'

/** How the bench builds its corpus: the same for the full build and for the rebuild, which runs in a process of its own. */
export interface BenchBuildSettings {
  /** The bench's temporary folder: `reports/` (the corpus), `site/`, and the parse cache and build state beside them. */
  workDir: string
  /** Run the analysis stage. */
  analyse: boolean
  /** Parse worker threads. Default: one per core. */
  workers?: number
  /** Search bundles, as `indexSite` takes them. Default the site's. */
  split?: IndexOptions['split']
  bundlePages?: number
  parallel?: number
}

/** What the rebuild's process reports back: the figures of its `buildSite` call. */
export type RebuildFigures = Pick<BuildSummary, 'seconds' | 'timings' | 'incremental'>

/**
 * `buildSite`'s options for the bench's corpus: incremental (the first build finds no state and builds everything),
 * its own parse cache and state, parse progress on `stream`; `onParsed` gets the parse's seconds.
 */
export function benchBuildOptions(settings: BenchBuildSettings, stream: ProgressStream, onParsed: (seconds: number) => void = () => {}): BuildOptions {
  const { workDir } = settings
  return {
    reportsDir: path.join(workDir, 'reports'),
    outDir: path.join(workDir, 'site'),
    incremental: true,
    ...(settings.analyse ? {} : { analyse: false }),
    stateDir: path.join(workDir, 'state'),
    search: {
      ...(settings.split === undefined ? {} : { split: settings.split }),
      ...(settings.bundlePages === undefined ? {} : { bundlePages: settings.bundlePages }),
      ...(settings.parallel === undefined ? {} : { parallel: settings.parallel }),
    },
    load: async (root) => {
      const start = performance.now()
      const progress = createProgress('解析报告', stream)
      const loaded = await loadReports(root, { cacheDir: path.join(workDir, 'cache'), onProgress: progress.update, ...(settings.workers === undefined ? {} : { workers: settings.workers }) })
      const seconds = (performance.now() - start) / 1000
      onParsed(seconds)
      progress.done(`解析 ${loaded.reports.length} 份报告（失败 ${loaded.failures.length}），用时 ${seconds.toFixed(1)} 秒`)
      return loaded
    },
  }
}

/** Build the bench's corpus again in this process (a fresh one: `rebuildInChild`) and return the rebuild's figures. */
export async function runBenchRebuild(settings: BenchBuildSettings, stream: ProgressStream = process.stderr): Promise<RebuildFigures> {
  const { seconds, timings, incremental } = await buildSite(benchBuildOptions(settings, stream))
  return { seconds, timings, incremental }
}
