import { diffArrays, diffWords } from 'diff'
import type { Report, Section, SectionKind } from '../types.ts'
import type { PartChange } from './analysis-types.ts'
import { bigramsOf } from './weigh-bigrams.ts'
import { lazyProperties } from '../lazy-properties.ts'

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
  /** Its sentences, each with the 。, ； or line break that ends it: joined, they are `text`. */
  sentences: string[]
}

/** A run of a diff: kept (0), added (1) or removed (-1), and its text. */
type Run = [op: -1 | 0 | 1, text: string]

/**
 * Compare one agency's reports on consecutive years part by part: a diff by sentences, then by words within the
 * sentences that changed (`diff` with `Intl.Segmenter`, so Chinese splits into words), and the share of characters
 * unchanged. Parts sharing under half their
 * bigrams get no diff (`runs: null`) and the bigram overlap as `same`; any part ≥ 80% the same is always diffed.
 * @example compareYears(report2022, report2023).find((change) => change.kind === 'shortcomings')?.same // 0.93
 */
export function compareYears(before: Report, after: Report): PartChange[] {
  return createYearComparer()(before, after)
}

/**
 * `compareYears` for a run of pairs: each report's parts (text, bigrams, sentences) are prepared once and kept for the
 * next pair, so a chain 2021→2022→2023 prepares 2022 once. Same results as `compareYears`.
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
  return { text, chars: countChars(text), bigrams: bigramsOf(text), sentences: text.split(/(?<=[\n。；])/u) }
}

function compareParts(kind: SectionKind, a: Part, b: Part): PartChange {
  const overlap = bigramDice(a.bigrams, b.bigrams)
  const runs = overlap >= minOverlapToDiff ? diffParts(a, b) : undefined
  if (runs === undefined) return { kind, before: a.chars, after: b.chars, same: Math.round(overlap * 1000) / 1000, runs: null }
  const kept = runs.reduce((sum, [op, text]) => (op === 0 ? sum + countChars(text) : sum), 0)
  return {
    kind,
    before: a.chars,
    after: b.chars,
    same: a.chars + b.chars > 0 ? Math.round(((2 * kept) / (a.chars + b.chars)) * 1000) / 1000 : 1,
    runs,
  }
}

/**
 * Diff two parts sentence by sentence, then word by word within each stretch of changed sentences: most sentences
 * come back unchanged, and a word diff's cost grows with the text it walks (the whole part's took three times as
 * long at 10,000 reports: docs/performance.md). Undefined once the word edits pass `maxEditLength` (the texts are
 * different documents). Kept and removed runs make `a.text`, kept and added runs `b.text`.
 */
function diffParts(a: Part, b: Part): Run[] | undefined {
  const runs: Run[] = []
  let budget = maxEditLength
  let removed = ''
  let added = ''
  // A stretch of changed sentences: words diffed when both sides have text, one run otherwise.
  const flush = (): boolean => {
    if (removed !== '' && added !== '') {
      // A changed heading ends with a line break on both sides: kept as such, not marked with the words before it.
      const kept = removed.endsWith('\n') && added.endsWith('\n') ? '\n' : ''
      const changes = diffWords(removed.slice(0, removed.length - kept.length), added.slice(0, added.length - kept.length), { intlSegmenter: segmenter, maxEditLength: budget })
      if (changes === undefined) return false
      for (const change of changes) {
        if (change.added || change.removed) budget -= change.count
        pushRun(runs, change.added ? 1 : change.removed ? -1 : 0, change.value)
      }
      pushRun(runs, 0, kept)
    } else if (removed !== '' || added !== '') {
      budget -= segmentWords(removed + added)
      pushRun(runs, removed !== '' ? -1 : 1, removed + added)
    }
    removed = ''
    added = ''
    return budget >= 0
  }
  for (const change of diffArrays(a.sentences, b.sentences)) {
    if (change.removed) removed += change.value.join('')
    else if (change.added) added += change.value.join('')
    else {
      if (!flush()) return undefined
      pushRun(runs, 0, change.value.join(''))
    }
  }
  return flush() ? runs : undefined
}

/** A diff held as one text and, per run, its kind and length. */
interface HeldRuns {
  text: string
  /** Kind, length; kind, length; … */
  marks: number[]
}

/** A change's `runs` made from its `HeldRuns` each time they are asked for (a page shows them, the cache writes them). */
const withHeldRuns = lazyProperties({
  runs: ({ text, marks }: HeldRuns): [number, string][] => {
    const runs: [number, string][] = []
    for (let index = 0, at = 0; index < marks.length; index += 2) {
      const length = marks[index + 1] ?? 0
      runs.push([marks[index] ?? 0, text.slice(at, at + length)])
      at += length
    }
    return runs
  },
})

/**
 * The same change with its diff held as one text and a list of numbers: a run each an array and a string was ~45 MB
 * of the build thread's heap at 30,000 reports (a heap snapshot), held through the render. It compares, spreads and
 * serialises as the change does.
 */
export function holdRunsCompactly(change: PartChange): PartChange {
  if (change.runs === null) return change
  const { runs, ...rest } = change
  return withHeldRuns(rest, { text: runs.map(([, text]) => text).join(''), marks: runs.flatMap(([op, text]) => [op, text.length]) })
}

/** Append a run, joined to the last one when it is of the same kind. */
function pushRun(runs: Run[], op: Run[0], text: string): void {
  if (text === '') return
  const last = runs[runs.length - 1]
  if (last && last[0] === op) last[1] += text
  else runs.push([op, text])
}

/** Words of a text as the word diff counts them: segments holding something other than whitespace. */
function segmentWords(text: string): number {
  let words = 0
  for (const { segment } of segmenter.segment(text)) if (segment.trim() !== '') words++
  return words
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
