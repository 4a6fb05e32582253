import { appendFoldedRange, foldedText } from './fold-passage.ts'

/** Shortest unit compared, in folded characters: the "sentence of 20+ characters". */
export const minUnitLength = 20
/** Longest unit: longer sentences are cut, so alignment stays cheap (it is quadratic in the unit length). */
export const maxUnitLength = 120

/** Characters that end a sentence: 。！？；!?; and a line break. */
const sentenceEnds = new Uint8Array(0x10000)
for (const character of '。！？；!?;\n') sentenceEnds[character.charCodeAt(0)] = 1

/**
 * Fold a paragraph and cut it into the units reuse is found between: its sentences, a short one joined to the next
 * (so "一是…。" fragments count with what follows), the last short one to the one before, a long one cut every
 * `maxUnitLength` characters. Ranges index the folded text.
 * @example splitUnits('一是加强。二是深化行政执法体制改革，推进综合执法。').ranges // [[0, 22]]
 */
export function splitUnits(text: string): { folded: string; ranges: [number, number][] } {
  let length = 0
  const sentences: [number, number][] = []
  let start = 0
  // Each run between sentence ends folded in one call (a sentence end is one unit, never half of a pair).
  let runStart = 0
  for (let at = 0; at < text.length; at++) {
    if (sentenceEnds[text.charCodeAt(at)] !== 1) continue
    length = appendFoldedRange(text, runStart, at, length)
    if (length > start) sentences.push([start, length])
    start = length
    runStart = at + 1
  }
  length = appendFoldedRange(text, runStart, text.length, length)
  const folded = foldedText(length)
  if (length > start) sentences.push([start, length])
  const joined: [number, number][] = []
  let open: [number, number] | null = null
  for (const [from, to] of sentences) {
    open = open === null ? [from, to] : [open[0], to]
    if (open[1] - open[0] >= minUnitLength) {
      joined.push(open)
      open = null
    }
  }
  const last = joined[joined.length - 1]
  if (open !== null && last) last[1] = open[1]
  const ranges: [number, number][] = []
  for (const [from, to] of joined) {
    const pieces = Math.ceil((to - from) / maxUnitLength)
    const size = Math.ceil((to - from) / pieces)
    for (let at = from; at < to; at += size) ranges.push([at, Math.min(to, at + size)])
  }
  return { folded, ranges }
}
