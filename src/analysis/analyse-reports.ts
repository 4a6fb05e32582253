import type { Report } from '../types.ts'
import type { FollowUpItem, PartChange, RepeatedPassage, ReportAnalysis } from './analysis-types.ts'
import { createYearComparer, holdRunsCompactly } from './compare-years.ts'
import { findReuse, type ReuseFindings } from './find-reuse.ts'
import { followPlans, type FollowKept } from './follow-plans.ts'
import { analysisOf } from './listing-text.ts'
import { measureSubstance } from './measure-substance.ts'

/** Options for `analyseReports`. */
export interface AnalysisOptions {
  /** The agency a report belongs to. Default: the id without its year (`2022-tianjin-zwfwb` → `tianjin-zwfwb`), as agency pages group. */
  agencyOf?: (report: Report) => string
  /** Other paragraphs listed per reused paragraph. Default `listedPerParagraph` (3). */
  perParagraph?: number
  /** Other-agency paragraphs looked at per cluster when choosing them. Default 10. */
  perCluster?: number
  /**
   * Results kept from an earlier run (src/build/analysis-cache.ts): a report's substance figures and a year pair's
   * changes read only those reports, so a kept one is used as it is; undefined means compute it.
   */
  kept?: {
    metrics?: (report: Report) => ReportAnalysis['metrics'] | undefined
    changes?: (earlier: Report, later: Report) => PartChange[] | undefined
    /** Plan follow-up's memo (`followPlans`). */
    followUp?: FollowKept
  }
}

/** What the analysis gives the site: per report, the boilerplate per year and part, and year-to-year changes. */
export interface CorpusAnalysis {
  /** Per report id: what its JSON carries as `analysis`. */
  reports: Map<string, ReportAnalysis>
  /** Key `{year|undated}/{kind}`: passages most reports of that year use in that part. */
  repeated: Map<string, RepeatedPassage[]>
  /** Key `{earlier id}>{later id}`: per part, how the agency's report changed from one year to the next. */
  changes: Map<string, PartChange[]>
}

/** The id without its year: reports of one agency share it. */
export function agencyOfId(report: Report): string {
  return report.id.replace(/^(?:\d{4}|undated)-/, '')
}

/**
 * Analyse a corpus (pure: reports in, figures out, same input → same output): text reuse (套话), plan follow-up,
 * change from the same agency's last report, and substance figures. See docs/analysis.md for the definitions.
 */
export function analyseReports(reports: readonly Report[], options: AnalysisOptions = {}): CorpusAnalysis {
  const agencyOf = options.agencyOf ?? agencyOfId
  const reuse = findReuse(reports, {
    agencyOf,
    ...(options.perParagraph === undefined ? {} : { perParagraph: options.perParagraph }),
    ...(options.perCluster === undefined ? {} : { perCluster: options.perCluster }),
  })
  return assembleAnalysis(reports, reuse, analyseBesideReuse(reports, options))
}

/** What the analysis finds besides text reuse: per report its follow-up and substance figures, and the year pairs' changes. */
export interface FindingsBesideReuse {
  followUp: Map<string, FollowUpItem[]>
  metrics: Map<string, ReportAnalysis['metrics']>
  changes: CorpusAnalysis['changes']
}

/**
 * Everything `analyseReports` finds but text reuse, so the build can find the reuse in another thread meanwhile
 * (src/build/reuse-beside.ts). `assembleAnalysis(reports, findReuse(…), analyseBesideReuse(…))` is `analyseReports`.
 */
export function analyseBesideReuse(reports: readonly Report[], options: Pick<AnalysisOptions, 'agencyOf' | 'kept'> = {}): FindingsBesideReuse {
  const agencyOf = options.agencyOf ?? agencyOfId
  const followUp = followPlans(reports, agencyOf, options.kept?.followUp)
  const metrics: FindingsBesideReuse['metrics'] = new Map()
  for (const report of [...reports].sort((a, b) => compare(a.id, b.id))) metrics.set(report.id, options.kept?.metrics?.(report) ?? measureSubstance(report))
  return { followUp, metrics, changes: compareAgencyYears(reports, agencyOf, options.kept?.changes) }
}

/** The corpus analysis from text reuse and the rest (`analyseBesideReuse`). */
export function assembleAnalysis(reports: readonly Report[], reuse: ReuseFindings, beside: FindingsBesideReuse): CorpusAnalysis {
  const result: CorpusAnalysis['reports'] = new Map()
  for (const report of [...reports].sort((a, b) => compare(a.id, b.id))) {
    // A listing the reuse worker handed over as text stays text: only the pages rendered read it.
    const rest = { followUp: beside.followUp.get(report.id) ?? [], metrics: beside.metrics.get(report.id) ?? measureSubstance(report) }
    result.set(report.id, analysisOf(reuse.byReport.get(report.id), rest))
  }
  return { reports: result, repeated: reuse.repeated, changes: beside.changes }
}

function compareAgencyYears(
  reports: readonly Report[],
  agencyOf: (report: Report) => string,
  kept: (earlier: Report, later: Report) => PartChange[] | undefined = () => undefined,
): CorpusAnalysis['changes'] {
  const byAgencyYear = new Map<string, Report>()
  for (const report of [...reports].sort((a, b) => compare(a.id, b.id))) {
    const key = `${agencyOf(report)}|${report.year}`
    if (report.year !== null && !byAgencyYear.has(key)) byAgencyYear.set(key, report)
  }
  const pairs: [Report, Report][] = []
  for (const report of byAgencyYear.values()) {
    const next = byAgencyYear.get(`${agencyOf(report)}|${(report.year ?? 0) + 1}`)
    if (next) pairs.push([report, next])
  }
  // Compared agency by agency, year by year, so each report's parts are prepared once for both its pairs.
  const order = pairs.map((_, index) => index)
  const agencies = pairs.map(([report]) => agencyOf(report))
  order.sort((a, b) => compare(agencies[a] ?? '', agencies[b] ?? '') || (pairs[a]?.[0].year ?? 0) - (pairs[b]?.[0].year ?? 0))
  const comparer = createYearComparer()
  const results: PartChange[][] = []
  for (const index of order) {
    const [report, next] = pairs[index] ?? []
    if (report && next) results[index] = (kept(report, next) ?? comparer(report, next)).map(holdRunsCompactly)
  }
  const changes: CorpusAnalysis['changes'] = new Map()
  pairs.forEach(([report, next], index) => changes.set(`${report.id}>${next.id}`, results[index] ?? []))
  return changes
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
