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
}

/** Bigrams in one passage in 20 or more weigh nothing (工作, 推进, 建设 say nothing about which plan it is); in a small corpus, those in 5 or more. */
const commonShare = 20
const commonMin = 5

/**
 * Count each bigram's passages once and weigh it by its inverse document frequency above that of the common ones:
 * `max(0, ln((1 + passages) / (1 + df)) − ln(min(20, (1 + passages) / 6)))`, so rare bigrams (a plan's own subject)
 * outweigh the merely uncommon. A passage is its distinct bigrams (`bigramsOf`) or its text, folded and counted
 * without building the set (most passages of a corpus are only counted).
 */
export function weighBigrams(passages: Iterable<Uint32Array | string>): BigramWeights {
  const df = createCounter()
  let total = 0
  for (const passage of passages) {
    total++
    if (typeof passage !== 'string') {
      for (let at = 0; at < passage.length; at++) df.add(passage[at] ?? 0, total)
      continue
    }
    const length = foldUnits(passage)
    const units = foldedUnits()
    for (let at = 0; at + 1 < length; at++) df.add((units[at] ?? 0) * 0x10000 + (units[at + 1] ?? 0), total)
  }
  const floor = Math.log(Math.max(1, Math.min(commonShare, (1 + total) / (1 + commonMin))))
  return { weight: (bigram, own = 0) => Math.max(0, Math.log((1 + total) / (1 + Math.max(0, df.count(bigram) - own))) - floor) }
}

/**
 * Counts per bigram in an open-addressing table of typed arrays: CJK bigrams are above 2³⁰, so a Map would box
 * every one of the tens of millions counted at 10,000 reports. `add(key, passage)` counts a passage once however
 * often it holds the key (the slot remembers the last passage counted).
 */
function createCounter(): { add: (key: number, passage: number) => void; count: (key: number) => number } {
  let bits = 16
  let size = 1 << bits
  let keys = new Uint32Array(size)
  let counts = new Int32Array(size)
  let lastPassage = new Int32Array(size)
  let used = 0
  const slotOf = (key: number): number => {
    // The product's high bits (Fibonacci hashing): its low bits depend only on the key's low bits, which for a
    // bigram are its second character alone, and long probe runs made counting the stage's largest cost.
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits)
    while ((counts[slot] ?? 0) > 0 && keys[slot] !== key) slot = (slot + 1) & (size - 1)
    return slot
  }
  const add = (key: number, passage: number): void => {
    const slot = slotOf(key)
    if ((counts[slot] ?? 0) === 0) {
      keys[slot] = key
      used++
    } else if (lastPassage[slot] === passage) return
    counts[slot] = (counts[slot] ?? 0) + 1
    lastPassage[slot] = passage
    if (used * 2 > size) {
      const [oldKeys, oldCounts, oldLast] = [keys, counts, lastPassage]
      bits++
      size = 1 << bits
      keys = new Uint32Array(size)
      counts = new Int32Array(size)
      lastPassage = new Int32Array(size)
      oldKeys.forEach((held, index) => {
        const count = oldCounts[index] ?? 0
        if (count === 0) return
        const moved = slotOf(held)
        keys[moved] = held
        counts[moved] = count
        lastPassage[moved] = oldLast[index] ?? 0
      })
    }
  }
  return { add, count: (key) => counts[slotOf(key)] ?? 0 }
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
