import type { Report, Section } from '../types.ts'
import type { FollowUpItem } from './analysis-types.ts'
import { collectParagraphs } from './collect-paragraphs.ts'
import { splitPlanItems, type PlanItem } from './split-plan-items.ts'
import { mix } from './min-hash.ts'
import { bigramsOf, containment, contributionOf, createBigramCounts, weighItem, weightsOf, type BigramContribution, type BigramCounts, type BigramWeights, type KeptCounts } from './weigh-bigrams.ts'

/** Weighted share of a plan item's bigrams an achievement passage must hold to count as its follow-up. */
export const addressedThreshold = 0.5
/** …and the next year's plan item must hold to count as the same plan listed again. */
export const relistedThreshold = 0.5
/** Evidence passages kept per item. */
const evidencePerItem = 3

/** A passage of the next report that may answer a plan: an achievement paragraph or sub-part heading. */
interface Passage {
  anchor: string
  /** Ascending, distinct (`bigramsOf`). */
  bigrams: Uint32Array
}

/**
 * What `followPlans` keeps between runs, each part keyed by all it was computed from, so a kept part is what
 * computing it again would give (docs/analysis.md, "Kept between builds").
 */
export interface FollowMemo {
  /** The bigram counts, and the sections key of each report counted (`keyOf`), one per report. */
  counts: (KeptCounts & { counted: string[] }) | null
  /** Each report's contribution to the counts by its sections key: those made in this run. */
  contributions: Map<string, BigramContribution>
  /** A report's judged plan items, by what judging them read (`judgingKey`). */
  judged: Map<string, FollowUpItem[]>
}

/** An empty memo. */
export function createFollowMemo(): FollowMemo {
  return { counts: null, contributions: new Map(), judged: new Map() }
}

/** A memo of an earlier run to read from, one to fill for the next, and a report's key: its sections' digest. */
export interface FollowKept {
  keyOf: (report: Report) => string
  earlier: FollowMemo
  now: FollowMemo
  /** The contribution a report with this sections key made to the earlier counts, when it is still kept. */
  contributionOf: (key: string) => BigramContribution | undefined
  /**
   * Where a contribution made in this run goes, by the report's sections key. Default: into `now.contributions`. The
   * build writes each to disk at once (src/build/follow-memo-file.ts): a full build's are every report's bigrams,
   * which the memo otherwise held while the reuse worker worked beside it (~450 MB at 30,000 reports).
   */
  keep?: (key: string, contribution: BigramContribution) => void
}

/**
 * For every report whose agency also reported on the next year, check each plan item against that next report:
 * 再次列入 (`relisted`) when next year's plans hold it again, 有后续 (`addressed`) when an achievement passage holds
 * it, else 未见后续 (`not-found`); evidence is the best passages with their weighted bigram containment (of the item,
 * or of its weightiest clause).
 * Returns plan items per report id; reports without a next report are absent. With `kept`, the counts are the
 * earlier counts with the changed reports' contributions taken away and added anew, and a report's items judged
 * before are used when everything judging them read is as it was.
 */
export function followPlans(reports: readonly Report[], agencyOf: (report: Report) => string, kept?: FollowKept): Map<string, FollowUpItem[]> {
  const byAgencyYear = new Map<string, Report>()
  for (const report of [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (report.year === null) continue
    const key = `${agencyOf(report)}|${report.year}`
    if (!byAgencyYear.has(key)) byAgencyYear.set(key, report)
  }
  const nextOf = new Map<string, Report>()
  for (const report of reports) {
    const next = report.year === null ? undefined : byAgencyYear.get(`${agencyOf(report)}|${report.year + 1}`)
    if (next) nextOf.set(report.id, next)
  }
  const keys = kept ? reports.map((report) => kept.keyOf(report)) : []
  // A report's passages as bigram sets, made when counting or judging first needs them; only the reports compared
  // keep theirs (at 10,000 reports the rest would be tens of millions of numbers held for nothing).
  const compared = new Set([...nextOf.values()].map((report) => report.id))
  const held = new Map<string, ReportPassages>()
  const passagesOf = (report: Report): ReportPassages => {
    const found = held.get(report.id) ?? passagesOfReport(report)
    if (compared.has(report.id)) held.set(report.id, found)
    return found
  }
  const counts = countBigrams(reports, keys, (report) => passagesOf(report).contribution, kept)
  const weights = weightsOf(counts)
  const result = new Map<string, FollowUpItem[]>()
  reports.forEach((report, index) => {
    const next = nextOf.get(report.id)
    if (!next) return
    const items = splitPlanItems(report)
    const key = kept ? judgingKey(items, [keys[index] ?? '', next.id, kept.keyOf(next)], weights, counts.passages()) : undefined
    const judged =
      (key === undefined ? undefined : kept?.earlier.judged.get(key)) ??
      items.map((item) => {
        const { plans, answers } = passagesOf(next)
        return judgeItem(item, next.id, answers, plans, weights)
      })
    if (key !== undefined) kept?.now.judged.set(key, judged)
    result.set(report.id, judged)
    // A report is the next of one report of its agency: judged against, its passages are let go.
    held.delete(next.id)
  })
  return result
}

/**
 * The bigram counts of the corpus: the earlier counts with the contributions of reports no longer there (or changed)
 * taken away and those of new ones added, when every one taken away is still kept; otherwise counted afresh.
 */
function countBigrams(reports: readonly Report[], keys: readonly string[], contributionOfReport: (report: Report) => BigramContribution, kept: FollowKept | undefined): BigramCounts {
  const earlier = kept?.earlier.counts
  const now = kept?.now
  let counts: BigramCounts | undefined
  let adding = reports.map((_, index) => index)
  if (earlier && now) {
    const left = new Map<string, number>()
    for (const key of earlier.counted) left.set(key, (left.get(key) ?? 0) + 1)
    adding = []
    keys.forEach((key, index) => {
      const times = left.get(key) ?? 0
      if (times > 0) left.set(key, times - 1)
      else adding.push(index)
    })
    const gone = [...left].flatMap(([key, times]) => Array.from({ length: times }, () => kept.contributionOf(key)))
    if (gone.every((contribution) => contribution !== undefined)) {
      counts = createBigramCounts(earlier)
      for (const contribution of gone) if (contribution) counts.add(contribution, -1)
    } else adding = reports.map((_, index) => index)
  }
  counts ??= createBigramCounts()
  const keep = kept?.keep ?? ((key: string, contribution: BigramContribution) => now?.contributions.set(key, contribution))
  for (const index of adding) {
    const report = reports[index]
    if (!report) continue
    const contribution = contributionOfReport(report)
    counts.add(contribution, 1)
    if (now) keep(keys[index] ?? '', contribution)
  }
  if (now) now.counts = { ...counts.total(), counted: [...keys] }
  return counts
}

/** A report's passages, and its contribution to the counts: its passages' bigram sets one after another. */
interface ReportPassages {
  plans: Passage[]
  answers: Passage[]
  contribution: BigramContribution
}

/**
 * A report's plan items and answering passages as bigram sets, each a view of its contribution's one buffer: one
 * allocation a report, not one a passage (at 100,000 reports, millions of buffers held through the judging).
 */
function passagesOfReport(report: Report): ReportPassages {
  const plans = splitPlanItems(report).map((item) => ({ anchor: item.anchor, bigrams: bigramsOf(item.text) }))
  const answers = answerTexts(report).map((answer) => ({ anchor: answer.anchor, bigrams: bigramsOf(answer.text) }))
  const contribution = contributionOf([...plans, ...answers].map((passage) => passage.bigrams))
  let at = 0
  for (const passage of [...plans, ...answers]) {
    const length = passage.bigrams.length
    passage.bigrams = contribution.bigrams.subarray(at, at + length)
    at += length
  }
  return { plans, answers, contribution }
}

/**
 * What judging a report's items reads: the report (its sections key), the next report (id and sections key), the
 * passages counted, and what the weights of every bigram of each item and its clauses are made from (`settled`).
 * The weights as two 32-bit hashes: murmur3's finaliser over the values in order, as `bandKey` chains a band's rows.
 */
function judgingKey(items: readonly PlanItem[], reportsRead: readonly string[], weights: BigramWeights, passages: number): string {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  const add = (value: number): void => {
    a = mix(Math.imul(a, 0x01000193) ^ value)
    b = mix(Math.imul(b, 0x5bd1e995) ^ value)
  }
  for (const item of items) {
    for (const bigrams of [bigramsOf(item.text), ...item.text.split(clauseEnds).map((clause) => bigramsOf(clause))]) {
      add(bigrams.length)
      for (let at = 0; at < bigrams.length; at++) add(weights.settled(bigrams[at] ?? 0))
    }
  }
  return `${reportsRead.join('|')}|${passages}|${a >>> 0}.${b >>> 0}`
}

function judgeItem(item: PlanItem, nextId: string, answers: readonly Passage[], nextPlans: readonly Passage[], weights: BigramWeights): FollowUpItem {
  const clauses = weightyClauses(item.text, weights).map((clause) => weighItem(clause, weights))
  const best = (list: readonly Passage[]) =>
    list
      .map((passage) => ({
        id: nextId,
        anchor: passage.anchor,
        similarity: round(Math.max(...clauses.map((clause) => containment(clause, passage.bigrams)))),
      }))
      .sort((a, b) => b.similarity - a.similarity)
  const relisted = best(nextPlans).filter((entry) => entry.similarity >= relistedThreshold).slice(0, 1)
  const addressed = dedupe(best(answers).filter((entry) => entry.similarity >= addressedThreshold)).slice(0, evidencePerItem)
  return {
    anchor: item.anchor,
    item: item.item,
    text: [...item.text].slice(0, 120).join(''),
    status: relisted.length > 0 ? 'relisted' : addressed.length > 0 ? 'addressed' : 'not-found',
    evidence: [...addressed, ...relisted],
  }
}

/** Where an item's clauses end. */
const clauseEnds = /[，,；;：:。]/u

/** Clauses carrying this share of an item's weight are matched on their own too: the plan's subject, without its stated purpose. */
const clauseShare = 0.4

/**
 * The bigram sets an item is matched by: the whole item, and each clause (split at ，；) that carries at least 40% of
 * its weight, so 「建设智慧矫正指挥中心，提升社区矫正监管水平」 is followed up by a passage on the centre alone.
 */
function weightyClauses(text: string, weights: BigramWeights): Uint32Array[] {
  const whole = bigramsOf(text)
  const weightOf = (bigrams: Uint32Array) => bigrams.reduce((sum, bigram) => sum + weights.weight(bigram), 0)
  const total = weightOf(whole)
  const clauses = text
    .split(clauseEnds)
    .map((clause) => bigramsOf(clause))
    .filter((bigrams) => bigrams.length >= 4 && total > 0 && weightOf(bigrams) >= clauseShare * total)
  return [whole, ...clauses]
}

/** Achievement (and leadership, other) paragraphs and sub-part headings of a report: where plans are answered. */
function answerTexts(report: Report): { anchor: string; text: string }[] {
  const answering = new Set(['achievements', 'leadership', 'other'])
  const headings: { anchor: string; text: string }[] = []
  const visit = (sections: readonly Section[]): void => {
    for (const section of sections) {
      if (answering.has(section.kind) && section.heading && section.children.length === 0) {
        headings.push({ anchor: section.anchor, text: [section.heading, ...section.paragraphs].join('') })
      }
      visit(section.children)
    }
  }
  visit(report.sections)
  const paragraphs = collectParagraphs(report)
    .filter((paragraph) => answering.has(paragraph.kind))
    .map((paragraph) => ({ anchor: paragraph.anchor, text: paragraph.text }))
  return [...paragraphs, ...headings]
}

/** One evidence entry per anchor (a sub-part and its paragraph may both match), best first. */
function dedupe<T extends { anchor: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>()
  return entries.filter((entry) => !seen.has(entry.anchor) && seen.add(entry.anchor) !== undefined)
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
