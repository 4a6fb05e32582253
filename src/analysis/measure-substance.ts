import type { Report, Section, SectionKind } from '../types.ts'
import type { SubstanceMetrics } from './analysis-types.ts'

/** An Arabic-digit number followed by a unit of count, money or share: 35件, 1.2万元, 98.5%, 1200人次. */
const figurePattern = /\d+(?:[.,]\d+)*\s*(?:%|％|‰|万人次|人次|万元|亿元|千元|元|万件|件|项|人|次|个|家|场|条|份|起|期|篇|户|名|所|批|宗|余|多|万|亿|倍|小时|天|日|km|公里|平方米|亩)/gu
/** Named cases and documents: 案例 mentions, 《titles》, and quoted “…案” case names. */
const casePattern = /案例|《[^》]{2,60}》|“[^”]{2,40}案”/gu
/** A named unit (an office, a town, a court): something a reader could check. */
const unitPattern = /[\p{Script=Han}]{1,12}(?:局|委|办|厅|中心|镇|乡|街道|所|队|科|站|院|室|法庭|公司|村|社区)/u
/** A stated cause. */
const causePattern = /由于|因为|原因(?:是|在于|主要是)|导致|造成|受[^，。；]{1,12}影响/u

/**
 * Substance figures of a report, for the whole (`all`) and per statutory part: characters, figures with units per
 * 1,000 characters, named cases, and for shortcomings the share of sentences that name a unit, a number or a cause.
 */
export function measureSubstance(report: Report): Partial<Record<SectionKind | 'all', SubstanceMetrics>> {
  const byKind = new Map<SectionKind, string[]>()
  const visit = (sections: readonly Section[]): void => {
    for (const section of sections) {
      const list = byKind.get(section.kind) ?? []
      if (section.heading) list.push(section.heading)
      list.push(...section.paragraphs)
      byKind.set(section.kind, list)
      visit(section.children)
    }
  }
  visit(report.sections)
  const metrics: Partial<Record<SectionKind | 'all', SubstanceMetrics>> = {}
  const all: string[] = []
  for (const [kind, texts] of [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (kind === 'closing') continue
    all.push(...texts)
    metrics[kind] = measureTexts(texts, kind === 'shortcomings')
  }
  metrics.all = measureTexts(all, false)
  return metrics
}

/** The figures of some paragraphs. */
export function measureTexts(texts: readonly string[], specific: boolean): SubstanceMetrics {
  const text = texts.join('\n')
  const chars = [...text.replace(/\s+/gu, '')].length
  const figures = (text.match(figurePattern) ?? []).length
  const sentences = specific ? text.split(/[。；;！？!?\n]/u).filter((sentence) => sentence.trim().length >= 6) : []
  return {
    chars,
    figures,
    figuresPerThousand: chars > 0 ? Math.round((figures / chars) * 10000) / 10 : 0,
    namedCases: (text.match(casePattern) ?? []).length,
    specificShare: specific && sentences.length > 0 ? Math.round((sentences.filter(namesSomething).length / sentences.length) * 1000) / 1000 : null,
  }
}

/** True when a sentence names something a reader could check: a number, a unit, a cause. */
function namesSomething(sentence: string): boolean {
  return /\d/u.test(sentence) || unitPattern.test(sentence) || causePattern.test(sentence)
}
