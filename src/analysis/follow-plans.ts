import type { Report, Section } from '../types.ts'
import type { FollowUpItem } from './analysis-types.ts'
import { collectParagraphs } from './collect-paragraphs.ts'
import { splitPlanItems, type PlanItem } from './split-plan-items.ts'
import { bigramsOf, containment, weighBigrams, weighItem, type BigramWeights } from './weigh-bigrams.ts'

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
 * For every report whose agency also reported on the next year, check each plan item against that next report:
 * 再次列入 (`relisted`) when next year's plans hold it again, 有后续 (`addressed`) when an achievement passage holds
 * it, else 未见后续 (`not-found`); evidence is the best passages with their weighted bigram containment (of the item,
 * or of its weightiest clause).
 * Returns plan items per report id; reports without a next report are absent.
 */
export function followPlans(reports: readonly Report[], agencyOf: (report: Report) => string): Map<string, FollowUpItem[]> {
  const byAgencyYear = new Map<string, Report>()
  for (const report of [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (report.year === null) continue
    const key = `${agencyOf(report)}|${report.year}`
    if (!byAgencyYear.has(key)) byAgencyYear.set(key, report)
  }
  // Every item and passage weighs the bigrams; only the reports compared keep theirs (at 10,000 reports the rest
  // would be tens of millions of numbers held for nothing).
  const nextOf = new Map<string, Report>()
  for (const report of reports) {
    const next = report.year === null ? undefined : byAgencyYear.get(`${agencyOf(report)}|${report.year + 1}`)
    if (next) nextOf.set(report.id, next)
  }
  const compared = new Set([...nextOf.values()].map((report) => report.id))
  const items = new Map<string, PlanItem[]>()
  const planBigrams = new Map<string, Passage[]>()
  const passages = new Map<string, Passage[]>()
  const weights = weighBigrams(
    (function* () {
      for (const report of reports) {
        const own = splitPlanItems(report)
        if (nextOf.has(report.id)) items.set(report.id, own)
        const answers = answerTexts(report)
        if (!compared.has(report.id)) {
          // Only counted: the texts, folded as they are counted.
          for (const item of own) yield item.text
          for (const answer of answers) yield answer.text
          continue
        }
        const plans = own.map((item) => ({ anchor: item.anchor, bigrams: bigramsOf(item.text) }))
        const passagesOfReport = answers.map((answer) => ({ anchor: answer.anchor, bigrams: bigramsOf(answer.text) }))
        for (const plan of plans) yield plan.bigrams
        for (const passage of passagesOfReport) yield passage.bigrams
        planBigrams.set(report.id, plans)
        passages.set(report.id, passagesOfReport)
      }
    })(),
  )
  const result = new Map<string, FollowUpItem[]>()
  for (const report of reports) {
    const next = nextOf.get(report.id)
    if (!next) continue
    const judged = (items.get(report.id) ?? []).map((item) => judgeItem(item, next.id, passages.get(next.id) ?? [], planBigrams.get(next.id) ?? [], weights))
    result.set(report.id, judged)
  }
  return result
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
    .split(/[，,；;：:。]/u)
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
