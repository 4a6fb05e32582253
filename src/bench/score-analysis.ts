import { analyseReports, foldOnly } from '../analysis/index.ts'
import { plantTruth, type PlantOptions } from './plant-truth.ts'

/** Precision and recall of one kind of finding. */
export interface Score {
  precision: number
  recall: number
  /** Found and true, found, true. */
  hits: number
  found: number
  truth: number
}

/** The analysis measured on a planted corpus. */
export interface AnalysisScores {
  reports: number
  /** Paragraph pairs copied between reports (the side — same agency or not — must be right too). */
  reuse: Score
  /** The same, of the pairs the site and open data list (the closest 3 per paragraph and the same agency's closest): precision holds, recall is bounded by the cap. */
  reuseListed: Score
  /** Reused paragraphs whose 「与 N 篇报告高度相似」 count equals the number of reports planted with a copy of it. */
  reuseCounts: Score
  /** Plan items with a follow-up (有后续 or 再次列入) whose first evidence holds the plan. */
  followUp: Score
  /** Plan items listed again (再次列入). */
  relisted: Score
  /** Plan items whose status is exactly the planted one, of all planted items. */
  statusAccuracy: number
  seconds: number
}

/**
 * Plant a corpus (`plantTruth`), analyse it, and score the findings against what was planted. A reuse pair counts
 * when the paragraph lists the other report with the right side (跨年重复 or 跨机构雷同); a follow-up counts when the
 * item's status is 有后续 or 再次列入 and its first evidence passage holds the planted plan.
 */
export function scoreAnalysis(options: PlantOptions = {}): AnalysisScores {
  const { reports, truth } = plantTruth(options)
  const started = performance.now()
  // Every pair listed, not the closest few the pages show: recall is over all pairs.
  const analysis = analyseReports(reports, { perParagraph: Number.POSITIVE_INFINITY, perCluster: Number.POSITIVE_INFINITY })
  const seconds = (performance.now() - started) / 1000
  const found = new Set<string>()
  for (const [id, result] of analysis.reports) {
    for (const link of result.reuse) found.add(`${id}#${link.anchor}>${link.other.id}|${link.sameAgency ? 'same' : 'other'}`)
  }
  // And the pairs as listed with the shipped caps: what readers and the open data get.
  const listed = new Set<string>()
  const counted = new Map<string, number>()
  for (const [id, result] of analyseReports(reports).reports) {
    for (const link of result.reuse) listed.add(`${id}#${link.anchor}>${link.other.id}|${link.sameAgency ? 'same' : 'other'}`)
    for (const count of result.reuseCounts) counted.set(`${id}#${count.anchor}`, count.reports)
  }
  const plantedCounts = new Map<string, Set<string>>()
  for (const pair of truth.reuse) {
    const [paragraph = '', other = ''] = pair.split('>')
    plantedCounts.set(paragraph, (plantedCounts.get(paragraph) ?? new Set()).add(other.split('|')[0] ?? ''))
  }
  const exactCounts = [...plantedCounts].filter(([paragraph, others]) => counted.get(paragraph) === others.size).length
  const texts = new Map(reports.map((report) => [report.id, paragraphTexts(report)]))
  let followHits = 0
  let followFound = 0
  let followTruth = 0
  let relistHits = 0
  let relistFound = 0
  let relistTruth = 0
  let exact = 0
  for (const plan of truth.plans) {
    const key = foldOnly(plan.key)
    const item = analysis.reports.get(plan.id)?.followUp.find((entry) => foldOnly(entry.text).includes(key))
    const status = item?.status ?? 'not-found'
    if (status === plan.status) exact++
    const evidence = item?.evidence[0]
    const evidenceHolds = evidence !== undefined && foldOnly(texts.get(evidence.id)?.get(evidence.anchor) ?? '').includes(key)
    if (plan.status !== 'not-found') followTruth++
    if (status !== 'not-found') {
      followFound++
      if (plan.status !== 'not-found' && evidenceHolds) followHits++
    }
    if (plan.status === 'relisted') relistTruth++
    if (status === 'relisted') {
      relistFound++
      if (plan.status === 'relisted') relistHits++
    }
  }
  // Items the analysis reports that were never planted (a lead-in taken for an item) are false finds too.
  const planted = new Set(truth.plans.map((plan) => `${plan.id}|${foldOnly(plan.key)}`))
  for (const [id, result] of analysis.reports) {
    for (const item of result.followUp) {
      if (item.status === 'not-found') continue
      const folded = foldOnly(item.text)
      if (![...planted].some((key) => key.startsWith(`${id}|`) && folded.includes(key.slice(id.length + 1)))) followFound++
    }
  }
  const reuseHits = [...found].filter((pair) => truth.reuse.has(pair)).length
  return {
    reports: reports.length,
    reuse: score(reuseHits, found.size, truth.reuse.size),
    reuseListed: score([...listed].filter((pair) => truth.reuse.has(pair)).length, listed.size, truth.reuse.size),
    reuseCounts: score(exactCounts, counted.size, plantedCounts.size),
    followUp: score(followHits, followFound, followTruth),
    relisted: score(relistHits, relistFound, relistTruth),
    statusAccuracy: truth.plans.length > 0 ? round(exact / truth.plans.length) : 1,
    seconds: round(seconds),
  }
}

/** Paragraphs and sub-parts of a report by anchor, their text (a sub-part: heading and paragraphs). */
function paragraphTexts(report: import('../types.ts').Report): Map<string, string> {
  const texts = new Map<string, string>()
  const visit = (sections: readonly import('../types.ts').Section[]): void => {
    for (const section of sections) {
      texts.set(section.anchor, [section.heading ?? '', ...section.paragraphs].join(''))
      section.paragraphs.forEach((text, index) => texts.set(`${section.anchor}-p${index + 1}`, text))
      visit(section.children)
    }
  }
  visit(report.sections)
  return texts
}

function score(hits: number, found: number, truth: number): Score {
  return { precision: found > 0 ? round(hits / found) : 1, recall: truth > 0 ? round(hits / truth) : 1, hits, found, truth }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
