import { wordDiff, type ChangeObject } from 'diff'
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

/** One part of one report as compared: its text, and what the comparison needs of it, each computed once. */
interface Part {
  text: string
  chars: number
  /** Folded bigrams, ascending (`bigramsOf`). */
  bigrams: Uint32Array
  /** `diffWords`' tokens (words by `Intl.Segmenter`), when first needed. */
  tokens?: string[]
  /** How often each token occurs, trimmed as `diffWords` compares them. */
  counts?: Map<string, number>
}

/**
 * Compare one agency's reports on consecutive years part by part: a word diff (`diff` with `Intl.Segmenter`, so
 * Chinese splits into words, not lines) and the share of characters unchanged. Parts sharing under half their
 * bigrams get no diff (`runs: null`) and the bigram overlap as `same`; any part ≥ 80% the same is always diffed.
 * @example compareYears(report2022, report2023).find((change) => change.kind === 'shortcomings')?.same // 0.93
 */
export function compareYears(before: Report, after: Report): PartChange[] {
  return createYearComparer()(before, after)
}

/**
 * `compareYears` for a run of pairs: each report's parts (text, bigrams, words) are prepared once and kept for the
 * next pair, so a chain 2021→2022→2023 segments 2022 once. Same results as `compareYears`.
 */
export function createYearComparer(): (before: Report, after: Report) => PartChange[] {
  let last: { report: Report; parts: Map<SectionKind, Part> } | null = null
  const partsOf = (report: Report): Map<SectionKind, Part> => {
    if (last?.report === report) return last.parts
    const parts = new Map(comparedKinds.map((kind) => [kind, preparePart(partText(report.sections, kind))]))
    last = { report, parts }
    return parts
  }
  return (before, after) => {
    const old = partsOf(before)
    const young = partsOf(after)
    return comparedKinds.flatMap((kind): PartChange[] => {
      const a = old.get(kind)
      const b = young.get(kind)
      return a && b && (a.text !== '' || b.text !== '') ? [compareParts(kind, a, b)] : []
    })
  }
}

function preparePart(text: string): Part {
  return { text, chars: countChars(text), bigrams: bigramsOf(text) }
}

function compareParts(kind: SectionKind, a: Part, b: Part): PartChange {
  const overlap = bigramDice(a.bigrams, b.bigrams)
  // A diff needing more than maxEditLength edits gives up (undefined): when the words the two parts do not share
  // already exceed it, that is known without running it.
  const changes = overlap >= minOverlapToDiff && minEdits(a, b) <= maxEditLength ? cachedWordDiff(a, b) : undefined
  if (changes === undefined) return { kind, before: a.chars, after: b.chars, same: Math.round(overlap * 1000) / 1000, runs: null }
  const kept = changes.filter((change) => !change.added && !change.removed).reduce((sum, change) => sum + countChars(change.value), 0)
  return {
    kind,
    before: a.chars,
    after: b.chars,
    same: a.chars + b.chars > 0 ? Math.round(((2 * kept) / (a.chars + b.chars)) * 1000) / 1000 : 1,
    runs: changes.map((change): [number, string] => [change.added ? 1 : change.removed ? -1 : 0, change.value]),
  }
}

/** `diffWords(a.text, b.text, { intlSegmenter, maxEditLength })`, with each part's words segmented once. */
function cachedWordDiff(a: Part, b: Part): ChangeObject<string>[] | undefined {
  // The library's word diff, its tokenizer answering from the parts: the same tokens, so the same diff.
  const diff: typeof wordDiff = Object.create(wordDiff)
  diff.tokenize = (value: string) => (value === a.text ? tokensOf(a) : value === b.text ? tokensOf(b) : wordDiff.tokenize(value, { intlSegmenter: segmenter }))
  return diff.diff(a.text, b.text, { intlSegmenter: segmenter, maxEditLength })
}

function tokensOf(part: Part): string[] {
  return (part.tokens ??= wordDiff.tokenize(part.text, { intlSegmenter: segmenter }))
}

/**
 * A lower bound of the edits (words removed plus words added) between two parts: the words of one without a match
 * in the other, counted with repeats, compared trimmed as `diffWords` compares them.
 */
function minEdits(a: Part, b: Part): number {
  const countsA = countsOf(a)
  const countsB = countsOf(b)
  let shared = 0
  for (const [token, count] of countsA) shared += Math.min(count, countsB.get(token) ?? 0)
  const words = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0)
  return words(countsA) + words(countsB) - 2 * shared
}

function countsOf(part: Part): Map<string, number> {
  if (part.counts) return part.counts
  const counts = new Map<string, number>()
  // diffWords drops empty tokens before diffing.
  for (const token of tokensOf(part)) if (token !== '') counts.set(token.trim(), (counts.get(token.trim()) ?? 0) + 1)
  return (part.counts = counts)
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

/** Dice coefficient of two ascending bigram sets (`bigramsOf`): a cheap overlap that needs no alignment. */
function bigramDice(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}

/** Characters other than whitespace (`\s`), a surrogate pair counted once: `[...text.replace(/\s+/gu, '')].length`. */
function countChars(text: string): number {
  let count = 0
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (isWhitespace(code)) continue
    // The low half of a pair was counted with its high half.
    if (code >= 0xdc00 && code <= 0xdfff && at > 0) {
      const previous = text.charCodeAt(at - 1)
      if (previous >= 0xd800 && previous <= 0xdbff) continue
    }
    count++
  }
  return count
}

/** The characters `\s` matches. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}
