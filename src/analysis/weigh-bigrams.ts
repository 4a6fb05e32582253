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
  /** Weight of a bigram; `own` passages holding it are left out of its count (leave-one-out: the passage compared). */
  weight: (bigram: number, own?: number) => number
}

/** Bigrams in one passage in 20 or more weigh nothing (工作, 推进, 建设 say nothing about which plan it is); in a small corpus, those in 5 or more. */
const commonShare = 20
const commonMin = 5

/**
 * Count each bigram's passages once and weigh it by its inverse document frequency above that of the common ones:
 * `max(0, ln((1 + passages) / (1 + df)) − ln(min(20, (1 + passages) / 6)))`, so rare bigrams (a plan's own subject)
 * outweigh the merely uncommon.
 */
export function weighBigrams(passages: Iterable<readonly number[]>): BigramWeights {
  const df = new Map<number, number>()
  let total = 0
  for (const bigrams of passages) {
    total++
    for (const bigram of bigrams) df.set(bigram, (df.get(bigram) ?? 0) + 1)
  }
  const floor = Math.log(Math.max(1, Math.min(commonShare, (1 + total) / (1 + commonMin))))
  return { weight: (bigram, own = 0) => Math.max(0, Math.log((1 + total) / (1 + Math.max(0, (df.get(bigram) ?? 0) - own))) - floor) }
}

/**
 * How much of `item` (by bigram weight) `passage` contains, 0–1. A bigram the passage holds is weighed as if the
 * passage were not in the corpus: otherwise the very words it shares with the item would count as commoner.
 */
export function containment(item: readonly number[], passage: ReadonlySet<number>, weights: BigramWeights): number {
  let all = 0
  let shared = 0
  for (const bigram of item) {
    const held = passage.has(bigram)
    const weight = weights.weight(bigram, held ? 1 : 0)
    all += weight
    if (held) shared += weight
  }
  return all > 0 ? shared / all : 0
}
