import { diffWords } from 'diff'
import type { Report, Section, SectionKind } from '../types.ts'
import type { PartChange } from './analysis-types.ts'
import { bigramsOf } from './weigh-bigrams.ts'

/** Parts compared year to year (the preamble and closing are mostly dates and names). */
const comparedKinds: SectionKind[] = ['achievements', 'leadership', 'shortcomings', 'plans']
/** Edits beyond which no diff is shown (the texts are different documents; the diff would cost more than it tells). */
const maxEditLength = 600
/** Below this bigram overlap (Dice) the parts are rewritten, not edited: no diff is run, the overlap is the estimate. */
const minOverlapToDiff = 0.5
/** Shortcomings this much the same as last year's are flagged. */
export const repeatedShortcomings = 0.8

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })

/**
 * Compare one agency's reports on consecutive years part by part: a word diff (`diff` with `Intl.Segmenter`, so
 * Chinese splits into words, not lines) and the share of characters unchanged. Parts sharing under half their
 * bigrams get no diff (`runs: null`) and the bigram overlap as `same`; any part ≥ 80% the same is always diffed.
 * @example compareYears(report2022, report2023).find((change) => change.kind === 'shortcomings')?.same // 0.93
 */
export function compareYears(before: Report, after: Report): PartChange[] {
  return comparedKinds.flatMap((kind): PartChange[] => {
    const a = partText(before.sections, kind)
    const b = partText(after.sections, kind)
    if (a === '' && b === '') return []
    const lengthA = countChars(a)
    const lengthB = countChars(b)
    const overlap = bigramDice(a, b)
    const changes = overlap >= minOverlapToDiff ? diffWords(a, b, { intlSegmenter: segmenter, maxEditLength }) : undefined
    if (changes === undefined) return [{ kind, before: lengthA, after: lengthB, same: Math.round(overlap * 1000) / 1000, runs: null }]
    const kept = changes.filter((change) => !change.added && !change.removed).reduce((sum, change) => sum + countChars(change.value), 0)
    return [
      {
        kind,
        before: lengthA,
        after: lengthB,
        same: lengthA + lengthB > 0 ? Math.round(((2 * kept) / (lengthA + lengthB)) * 1000) / 1000 : 1,
        runs: changes.map((change): [number, string] => [change.added ? 1 : change.removed ? -1 : 0, change.value]),
      },
    ]
  })
}

/** The headings and paragraphs of every section of one kind, one per line. */
function partText(sections: readonly Section[], kind: SectionKind): string {
  const lines: string[] = []
  const visit = (list: readonly Section[]): void => {
    for (const section of list) {
      if (section.kind === kind) {
        if (section.heading) lines.push(`${section.number ?? ''}${section.heading}`)
        lines.push(...section.paragraphs)
      }
      visit(section.children)
    }
  }
  visit(sections)
  return lines.join('\n')
}

/** Dice coefficient of the two texts' folded character bigram sets: a cheap overlap that needs no alignment. */
function bigramDice(a: string, b: string): number {
  const setA = new Set(bigramsOf(a))
  const setB = bigramsOf(b)
  if (setA.size + setB.length === 0) return 1
  const shared = setB.filter((bigram) => setA.has(bigram)).length
  return (2 * shared) / (setA.size + setB.length)
}

function countChars(text: string): number {
  return [...text.replace(/\s+/gu, '')].length
}
