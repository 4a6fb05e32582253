import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { agencyOfId, compareYears, findReuse, followPlans, measureSubstance, type CorpusAnalysis, type PartChange, type ReportAnalysis } from '../analysis/index.ts'
import type { Report } from '../types.ts'

/**
 * `analyseReports` (src/analysis/analyse-reports.ts) with its per-report and per-pair parts kept on disk: a report's
 * substance figures keyed by its sections, a year-to-year comparison keyed by both reports' sections. Those parts read
 * nothing else, so a kept result is the result. Text reuse and plan follow-up are corpus-wide (a report added anywhere
 * can change them) and are computed each build. The result equals `analyseReports(reports)`: test/build/analysis-cache.test.ts.
 */
export async function analyseWithCache(reports: readonly Report[], cacheFile: string): Promise<CorpusAnalysis> {
  const version = await hashAnalysisSources()
  const kept = await readAnalysisCache(cacheFile, version)
  const used: AnalysisCacheFile = { version, metrics: {}, changes: {} }
  const sorted = [...reports].sort((a, b) => compare(a.id, b.id))
  const keys = new Map(sorted.map((report) => [report.id, sectionsKey(report)]))
  const reuse = findReuse(reports, { agencyOf: agencyOfId })
  const followUp = followPlans(reports, agencyOfId)
  const result: CorpusAnalysis['reports'] = new Map()
  for (const report of sorted) {
    const key = keys.get(report.id) ?? ''
    const metrics = kept.metrics[key] ?? measureSubstance(report)
    used.metrics[key] = metrics
    const found = reuse.byReport.get(report.id)
    result.set(report.id, {
      reuse: found?.reuse ?? [],
      reuseCounts: found?.reuseCounts ?? [],
      reusedShare: found?.reusedShare ?? 0,
      followUp: followUp.get(report.id) ?? [],
      metrics,
    })
  }
  // Each agency's first report of a year (by id) against its report of the next year, as analyseReports pairs them.
  const byAgencyYear = new Map<string, Report>()
  for (const report of sorted) {
    const key = `${agencyOfId(report)}|${report.year}`
    if (report.year !== null && !byAgencyYear.has(key)) byAgencyYear.set(key, report)
  }
  const changes: CorpusAnalysis['changes'] = new Map()
  for (const report of byAgencyYear.values()) {
    const next = byAgencyYear.get(`${agencyOfId(report)}|${(report.year ?? 0) + 1}`)
    if (!next) continue
    const key = `${keys.get(report.id) ?? ''}>${keys.get(next.id) ?? ''}`
    const change = kept.changes[key] ?? compareYears(report, next)
    used.changes[key] = change
    changes.set(`${report.id}>${next.id}`, change)
  }
  // Only what this corpus uses is kept, so the file follows the archive, not its history.
  await writeAnalysisCache(cacheFile, used)
  return { reports: result, repeated: reuse.repeated, changes }
}

/** What the cache file holds: entries of one version of the analysis code. */
interface AnalysisCacheFile {
  version: string
  metrics: Record<string, ReportAnalysis['metrics']>
  changes: Record<string, PartChange[]>
}

const analysisDir = fileURLToPath(new URL('../analysis/', import.meta.url))

/** A hash of the analysis sources: new code never gets an old result. */
async function hashAnalysisSources(): Promise<string> {
  const hash = createHash('sha256')
  const files = ['../types.ts', ...(await readdir(analysisDir)).filter((name) => name.endsWith('.ts')).sort()]
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(analysisDir, file)))
  return hash.digest('hex').slice(0, 16)
}

/** The key of a report's part in the analysis: its sections, the only field measureSubstance and compareYears read. */
function sectionsKey(report: Report): string {
  return createHash('sha256').update(JSON.stringify(report.sections)).digest('hex').slice(0, 32)
}

async function readAnalysisCache(file: string, version: string): Promise<AnalysisCacheFile> {
  try {
    const cache = JSON.parse(await readFile(file, 'utf8')) as AnalysisCacheFile
    if (cache.version === version && cache.metrics && cache.changes) return cache
  } catch {
    // No cache or an unreadable one: everything is computed.
  }
  return { version, metrics: {}, changes: {} }
}

/** Write atomically (temporary file, then rename): a build stopped half-way leaves the old file or the new. */
async function writeAnalysisCache(file: string, cache: AnalysisCacheFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, JSON.stringify(cache))
  await rename(temporary, file)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
