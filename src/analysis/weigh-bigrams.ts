import { foldedUnits, foldUnits } from './fold-passage.ts'

/** Distinct character bigrams of a folded text, as numbers (two UTF-16 units), ascending: a compact set. */
export function bigramsOf(text: string): Uint32Array {
  const length = foldUnits(text)
  const units = foldedUnits()
  const all = new Uint32Array(Math.max(0, length - 1))
  for (let at = 0; at + 1 < length; at++) all[at] = (units[at] ?? 0) * 0x10000 + (units[at + 1] ?? 0)
  all.sort()
  let distinct = 0
  for (let at = 0; at < all.length; at++) if (at === 0 || all[at] !== all[at - 1]) all[distinct++] = all[at] ?? 0
  return all.slice(0, distinct)
}

/** True when an ascending bigram set (`bigramsOf`) holds the bigram. */
export function holdsBigram(bigrams: Uint32Array, bigram: number): boolean {
  let low = 0
  let high = bigrams.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((bigrams[middle] ?? 0) < bigram) low = middle + 1
    else high = middle
  }
  return bigrams[low] === bigram
}

/** Inverse document frequency of bigrams over a set of passages: words every report uses (推进, 法治) weigh little. */
export interface BigramWeights {
  /** Weight of a bigram; `own` passages holding it are left out of its count (leave-one-out: the passage compared). */
  weight: (bigram: number, own?: number) => number
  /**
   * The bigram's count, or one count for all counts at which both its weights (as counted, one left out) are 0:
   * with the passages counted, what its weights are made from, so bigrams of equal `settled` weigh the same.
   */
  settled: (bigram: number) => number
}

/** Bigrams in one passage in 20 or more weigh nothing (工作, 推进, 建设 say nothing about which plan it is); in a small corpus, those in 5 or more. */
const commonShare = 20
const commonMin = 5

/** What one report adds to the counts: its passages, and each passage's distinct bigrams one after another. */
export interface BigramContribution {
  passages: number
  bigrams: Uint32Array
}

/** A report's contribution from its passages' bigram sets (`bigramsOf`). */
export function contributionOf(passages: readonly Uint32Array[]): BigramContribution {
  const bigrams = new Uint32Array(passages.reduce((sum, passage) => sum + passage.length, 0))
  let at = 0
  for (const passage of passages) {
    bigrams.set(passage, at)
    at += passage.length
  }
  return { passages: passages.length, bigrams }
}

/** How many passages of a corpus hold each bigram, as the corpus's reports' contributions add up. */
export interface BigramCounts {
  /** Passages counted. */
  passages: () => number
  count: (bigram: number) => number
  /** Add a report's contribution (1) or take it away (−1). */
  add: (contribution: BigramContribution, sign: 1 | -1) => void
  /** The counts, bigrams ascending (those no passage holds left out), to keep or to start from. */
  total: () => KeptCounts
}

/** Bigram counts as kept between runs: the passages counted, and each bigram (ascending) with its count. */
export interface KeptCounts {
  passages: number
  bigrams: Uint32Array
  counts: Uint32Array
}

/**
 * Counts per bigram in an open-addressing table of typed arrays: CJK bigrams are above 2³⁰, so a Map would box
 * every one of the millions counted at 10,000 reports. A slot once used keeps its key at a count of 0, so probes
 * that passed it still find what lies beyond.
 */
export function createBigramCounts(from?: KeptCounts): BigramCounts {
  let bits = 16
  while (from && (1 << bits) < from.bigrams.length * 2) bits++
  let size = 1 << bits
  let keys = new Uint32Array(size)
  let counts = new Uint32Array(size)
  let used = new Uint8Array(size)
  let slots = 0
  let passages = 0
  const slotOf = (key: number): number => {
    // The product's high bits (Fibonacci hashing): its low bits depend only on the key's low bits, which for a
    // bigram are its second character alone, and long probe runs made counting the stage's largest cost.
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits)
    while (used[slot] === 1 && keys[slot] !== key) slot = (slot + 1) & (size - 1)
    return slot
  }
  const grow = (): void => {
    const [oldKeys, oldCounts, oldUsed] = [keys, counts, used]
    bits++
    size = 1 << bits
    keys = new Uint32Array(size)
    counts = new Uint32Array(size)
    used = new Uint8Array(size)
    oldUsed.forEach((held, index) => {
      if (held === 0) return
      const slot = slotOf(oldKeys[index] ?? 0)
      keys[slot] = oldKeys[index] ?? 0
      counts[slot] = oldCounts[index] ?? 0
      used[slot] = 1
    })
  }
  const addOne = (bigram: number, times: number): void => {
    const slot = slotOf(bigram)
    if (used[slot] === 0) {
      keys[slot] = bigram
      used[slot] = 1
      slots++
    }
    counts[slot] = (counts[slot] ?? 0) + times
    if (slots * 2 > size) grow()
  }
  const add = (contribution: BigramContribution, sign: 1 | -1): void => {
    passages += sign * contribution.passages
    const { bigrams } = contribution
    for (let index = 0; index < bigrams.length; index++) addOne(bigrams[index] ?? 0, sign)
  }
  if (from) {
    passages = from.passages
    from.bigrams.forEach((bigram, index) => addOne(bigram, from.counts[index] ?? 0))
  }
  return {
    passages: () => passages,
    count: (bigram) => counts[slotOf(bigram)] ?? 0,
    add,
    total: () => {
      const held = keys.filter((_, slot) => (counts[slot] ?? 0) > 0).sort()
      return { passages, bigrams: held, counts: held.map((bigram) => counts[slotOf(bigram)] ?? 0) }
    },
  }
}

/**
 * Weigh each bigram by its inverse document frequency above that of the common ones:
 * `max(0, ln((1 + passages) / (1 + df)) − ln(min(20, (1 + passages) / 6)))`, so rare bigrams (a plan's own subject)
 * outweigh the merely uncommon.
 */
export function weightsOf(counts: BigramCounts): BigramWeights {
  const total = counts.passages()
  const floor = Math.log(Math.max(1, Math.min(commonShare, (1 + total) / (1 + commonMin))))
  const weightOfCount = (count: number): number => Math.max(0, Math.log((1 + total) / (1 + Math.max(0, count))) - floor)
  // The least count whose weight with one passage left out is 0 (weights fall as counts rise; total + 2 is one).
  let low = 1
  let high = total + 2
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (weightOfCount(middle - 1) === 0) high = middle
    else low = middle + 1
  }
  return {
    weight: (bigram, own = 0) => weightOfCount(counts.count(bigram) - own),
    settled: (bigram) => Math.min(counts.count(bigram), low),
  }
}

/** An item's bigrams with their weights, looked up once: as counted, and with one passage (the one compared) left out. */
export interface WeighedBigrams {
  bigrams: Uint32Array
  weights: Float64Array
  weightsLeftOut: Float64Array
}

/** Look up the weights of an item's bigrams once, for comparing it with many passages. */
export function weighItem(bigrams: Uint32Array, weights: BigramWeights): WeighedBigrams {
  return {
    bigrams,
    weights: Float64Array.from(bigrams, (bigram) => weights.weight(bigram)),
    weightsLeftOut: Float64Array.from(bigrams, (bigram) => weights.weight(bigram, 1)),
  }
}

/**
 * How much of `item` (by bigram weight) `passage` contains, 0–1. A bigram the passage holds is weighed as if the
 * passage were not in the corpus: otherwise the very words it shares with the item would count as commoner.
 */
export function containment(item: WeighedBigrams, passage: Uint32Array): number {
  let all = 0
  let shared = 0
  item.bigrams.forEach((bigram, index) => {
    if (holdsBigram(passage, bigram)) {
      const weight = item.weightsLeftOut[index] ?? 0
      all += weight
      shared += weight
    } else all += item.weights[index] ?? 0
  })
  return all > 0 ? shared / all : 0
}
