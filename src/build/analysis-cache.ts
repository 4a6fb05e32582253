import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { agencyOfId, analyseBesideReuse, assembleAnalysis, createFollowMemo, type ReuseFindings, type CorpusAnalysis, type PartChange, type ReportAnalysis } from '../analysis/index.ts'
import { contributionWriter, readFollowMemo, writeFollowMemo } from './follow-memo-file.ts'
import { startReuseBeside } from './reuse-beside.ts'
import { memoSectionsKey } from './sections-key.ts'
import { readKeptAnalysis, writeAnalysisCache, type AnalysisCacheFile } from './analysis-cache-file.ts'
import type { Report } from '../types.ts'

/**
 * `analyseReports` (src/analysis/analyse-reports.ts) with its per-report and per-pair parts kept on disk (its `kept` option): a report's
 * substance figures keyed by its sections, a year-to-year comparison keyed by both reports' sections. Those parts read
 * nothing else, so a kept result is the result. Text reuse is corpus-wide; it keeps its parts in a memo of its own
 * (`reuseMemoFile`), each keyed by all it read; so does plan follow-up (`followMemoFile`). The result equals
 * `analyseReports(reports)`: test/build/analysis-cache.test.ts.
 */
export async function analyseWithCache(reports: readonly Report[], cacheFile: string): Promise<CorpusAnalysis> {
  const cache = await openAnalysisCache(cacheFile)
  const result = await cache.begin(reports, memoSectionsKey())()
  await cache.finished()
  return result
}

/** An analysis begun before the build's reports are loaded (`openAnalysisCache`). */
export interface AnalysisCache {
  /**
   * Hand the reports to the reuse worker now (once), with each report's `sectionsKey`; the function returned does
   * the rest of `analyseWithCache` without waiting for what it keeps to be written. `whileWaiting` is called once
   * this thread's part is done and it waits for the reuse worker: from then on the analysis reads only the sections
   * of the reports whose paragraphs the boilerplate pages quote (`writePassageTexts`; all of them should the worker
   * fail and the reuse be found here). `entryOf`: the parse cache entry holding a report's sections, for the worker
   * to read them there (`ReuseAsked`).
   */
  begin: (reports: readonly Report[], keyOf: (report: Report) => string, entryOf?: (report: Report) => string | undefined) => (whileWaiting?: () => void) => Promise<CorpusAnalysis>
  /** Settles once everything the analysis keeps is written (the next build reads it). */
  finished: () => Promise<void>
  /** Stop the reuse worker: the build ended without analysing. */
  close: () => void
}

/**
 * Begin `analyseWithCache` before the reports are there: the reuse worker starts, loads its code and reads its memo,
 * and the kept results are read, while the build loads its reports (a rebuild's analysis waited ~5 s for those).
 */
export async function openAnalysisCache(cacheFile: string): Promise<AnalysisCache> {
  const version = await hashAnalysisSources()
  const reuseBeside = startReuseBeside({ file: reuseMemoFile(cacheFile), version })
  const reading = Promise.all([readKeptAnalysis(cacheFile, version), readFollowMemo(followMemoFile(cacheFile), version)])
  let written: Promise<unknown> = Promise.resolve()
  const begin: AnalysisCache['begin'] = (reports, keyOf, entryOf) => {
    // Text reuse in the worker meanwhile, with its own memo beside this file: `assembleAnalysis` of both is `analyseReports`.
    const reuse = reuseBeside.find(reports, { agencyOf: agencyOfId, keyOf, ...(entryOf ? { entryOf } : {}) })
    return (whileWaiting) => analyseBeside(reports, keyOf, reuse, whileWaiting)
  }
  const analyseBeside = async (reports: readonly Report[], keyOf: (report: Report) => string, reuse: Promise<ReuseFindings>, whileWaiting = (): void => {}): Promise<CorpusAnalysis> => {
    const [kept, followMemo] = await reading
    const used: AnalysisCacheFile = { version, metrics: {}, changes: {} }
    // The pairs the analysis compares, as it asks for them: read back from its result by their ids, never re-parsed.
    const pairs: [earlier: Report, later: Report][] = []
    // Contributions go to disk as they are made; the memo's counts and judged items once the analysis is done.
    const followUp = { keyOf, ...followMemo, now: createFollowMemo(), keep: contributionWriter(followMemoFile(cacheFile), version) }
    const beside = analyseBesideReuse(reports, {
      kept: {
        followUp,
        metrics: (report) => kept.metrics(keyOf(report)),
        changes: (earlier, later) => {
          pairs.push([earlier, later])
          return kept.changes(pairKey(keyOf(earlier), keyOf(later)))
        },
      },
    })
    // All it reads of the last build's entries is read.
    kept.close()
    whileWaiting()
    const result = assembleAnalysis(reports, await reuse, beside)
    for (const report of reports) {
      const metrics = result.reports.get(report.id)?.metrics
      if (metrics) used.metrics[keyOf(report)] = metrics
    }
    for (const [earlier, later] of pairs) {
      // `CorpusAnalysis.changes` is keyed `{earlier id}>{later id}`.
      const change = result.changes.get(`${earlier.id}>${later.id}`)
      if (change) used.changes[pairKey(keyOf(earlier), keyOf(later))] = change
    }
    // Only what this corpus uses is kept, so the files follow the archive, not its history.
    written = Promise.all([writeAnalysisCache(cacheFile, used), writeFollowMemo(followMemoFile(cacheFile), version, followUp.now)])
    return result
  }
  return {
    begin,
    finished: async () => {
      await Promise.all([written, reuseBeside.finished])
    },
    close: reuseBeside.close,
  }
}

/** The reuse memo's file (src/build/reuse-memo-file.ts): beside the cache file, named after it. */
function reuseMemoFile(cacheFile: string): string {
  return cacheFile.replace(/(\.json)?$/, '.reuse.bin')
}

/** Plan follow-up's memo file (src/build/follow-memo-file.ts), and its folder of contributions: the same way. */
function followMemoFile(cacheFile: string): string {
  return cacheFile.replace(/(\.json)?$/, '.follow.bin')
}

const analysisDir = fileURLToPath(new URL('../analysis/', import.meta.url))

/** A hash of the analysis sources: new code never gets an old result. */
async function hashAnalysisSources(): Promise<string> {
  const hash = createHash('sha256')
  const files = ['../types.ts', ...(await readdir(analysisDir)).filter((name) => name.endsWith('.ts')).sort()]
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(analysisDir, file)))
  return hash.digest('hex').slice(0, 16)
}

/** The cache file's key of a year pair: both reports' `sectionsKey`, earlier first. */
function pairKey(earlier: string, later: string): string {
  return `${earlier}>${later}`
}
