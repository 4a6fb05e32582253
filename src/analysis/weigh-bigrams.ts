import { foldOnly } from './fold-passage.ts'

/** Distinct character bigrams of a folded text, as numbers (two UTF-16 units). */
export function bigramsOf(text: string): number[] {
  const folded = foldOnly(text)
  const seen = new Set<number>()
  for (let at = 0; at + 1 < folded.length; at++) seen.add(folded.charCodeAt(at) * 0x10000 + folded.charCodeAt(at + 1))
  return [...seen]
}

/** Inverse document frequency of bigrams over a set of passages: words every report uses (推进, 法治) weigh little. */
export interface BigramWeights {
  weight: (bigram: number) => number
}

/** Bigrams in more than one passage in this many weigh nothing: 工作, 推进, 建设 say nothing about which plan it is. */
const commonShare = 20

/**
 * Count each bigram's passages once and weigh it by its inverse document frequency above the floor of the common
 * ones: `max(0, ln((1 + passages) / (1 + df)) − ln 20)`.
 */
export function weighBigrams(passages: Iterable<readonly number[]>): BigramWeights {
  const df = new Map<number, number>()
  let total = 0
  for (const bigrams of passages) {
    total++
    for (const bigram of bigrams) df.set(bigram, (df.get(bigram) ?? 0) + 1)
  }
  const floor = Math.log(commonShare)
  return { weight: (bigram) => Math.max(0, Math.log((1 + total) / (1 + (df.get(bigram) ?? 0))) - floor) }
}

/** How much of `item` (by bigram weight) `passage` contains, 0–1. */
export function containment(item: readonly number[], passage: ReadonlySet<number>, weights: BigramWeights): number {
  let all = 0
  let shared = 0
  for (const bigram of item) {
    const weight = weights.weight(bigram)
    all += weight
    if (passage.has(bigram)) shared += weight
  }
  return all > 0 ? shared / all : 0
}
