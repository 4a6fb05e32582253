/** Characters per shared n-gram that marks text as shared. */
const gram = 4

// One reusable open-addressing table (generation-stamped, so it is never cleared): this runs for every listed pair
// of a large corpus, and a Set per call made the garbage collector the biggest cost.
let size = 4096
let keys = new Int32Array(size)
let stamps = new Int32Array(size)
let generation = 0

/**
 * The stretches of `self` covered by a 4-gram that `other` also holds, as [start, end) ranges of the folded text:
 * what a side-by-side view marks, found in linear time. Between near-copies these are the aligned runs; a changed
 * character leaves the characters around it unmarked only where no 4-gram spans them.
 * @example sharedGrams('甲乙丙丁戊己', '乙丙丁戊子') // [[1, 5]]
 */
export function sharedGrams(self: string, other: string): [number, number][] {
  const grams = Math.max(0, other.length - gram + 1)
  if (grams * 2 > size) {
    while (grams * 2 > size) size *= 2
    keys = new Int32Array(size)
    stamps = new Int32Array(size)
    generation = 0
  }
  generation++
  let hashes = gramHashes(other)
  for (let at = 0; at < grams; at++) insert(hashes[at] ?? 0)
  hashes = gramHashes(self)
  return rangesWhere(self.length - gram + 1, (at) => has(hashes[at] ?? 0))
}

function insert(hash: number): void {
  let slot = spread(hash) & (size - 1)
  while (stamps[slot] === generation) {
    if (keys[slot] === hash) return
    slot = (slot + 1) & (size - 1)
  }
  stamps[slot] = generation
  keys[slot] = hash
}

function has(hash: number): boolean {
  let slot = spread(hash) & (size - 1)
  while (stamps[slot] === generation) {
    if (keys[slot] === hash) return true
    slot = (slot + 1) & (size - 1)
  }
  return false
}

/** Multiplier of the 4-gram hash, and its fourth power (what leaves the window as it moves on). */
const base = 0x01000193
const baseToGram = Math.imul(Math.imul(base, base), Math.imul(base, base))
let hashBuffer = new Int32Array(1 << 10)

/**
 * Every 4-gram of a text as one 32-bit number (a polynomial hash rolled along the text: a collision would mark one
 * stray 4-gram, one in billions), in a buffer reused by the next call: entry `at` is the 4-gram starting at `at`.
 */
function gramHashes(text: string): Int32Array {
  if (text.length > hashBuffer.length) hashBuffer = new Int32Array(Math.max(text.length, hashBuffer.length * 2))
  let hash = 0
  for (let at = 0; at < text.length; at++) {
    hash = rollGram(hash, text, at)
    if (at + 1 >= gram) hashBuffer[at + 1 - gram] = hash
  }
  return hashBuffer
}

/** The hash of the 4-gram ending at `at`, from the hash of the one ending just before it. */
function rollGram(hash: number, text: string, at: number): number {
  const added = (Math.imul(hash, base) + text.charCodeAt(at)) | 0
  return at >= gram ? (added - Math.imul(text.charCodeAt(at - gram), baseToGram)) | 0 : added
}

/** A hash's bits mixed down, for a table slot (a polynomial hash's low bits follow the last character's). */
function spread(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 7
}

/**
 * `sharedGrams(self, other)` summed, for one `self` and many `other`s: self's 4-grams are tabled once, and each
 * other text is only scanned. Returns the characters of `self` covered by a 4-gram the other text holds.
 * @example sharedCharsOf('甲乙丙丁戊己')('乙丙丁戊子') // 4
 */
export function sharedCharsOf(self: string): (other: string) => number {
  const count = Math.max(0, self.length - gram + 1)
  let slots = 8
  while (slots < count * 2) slots *= 2
  const slotKeys = new Int32Array(slots)
  const heads = new Int32Array(slots).fill(-1)
  const next = new Int32Array(count).fill(-1)
  const slotOf = (hash: number): number => {
    let slot = spread(hash) & (slots - 1)
    while (heads[slot] !== -1 && slotKeys[slot] !== hash) slot = (slot + 1) & (slots - 1)
    return slot
  }
  const selfHashes = gramHashes(self)
  for (let at = count - 1; at >= 0; at--) {
    const hash = selfHashes[at] ?? 0
    const slot = slotOf(hash)
    slotKeys[slot] = hash
    next[at] = heads[slot] ?? -1
    heads[slot] = at
  }
  const hit = new Uint8Array(count)
  return (other) => {
    hit.fill(0)
    // The other text's 4-grams rolled and looked up in one pass (as `gramHashes` rolls them, without the buffer).
    let hash = 0
    for (let at = 0; at < other.length; at++) {
      hash = rollGram(hash, other, at)
      if (at + 1 < gram) continue
      const slot = slotOf(hash)
      // A slot already seen for this text has its positions marked: the chain is walked once.
      if (heads[slot] === -1 || hit[heads[slot] ?? 0] === 1) continue
      for (let position = heads[slot] ?? -1; position !== -1; position = next[position] ?? -1) hit[position] = 1
    }
    let covered = 0
    let coveredTo = 0
    for (let at = 0; at < count; at++) {
      if (hit[at] !== 1) continue
      covered += Math.min(gram, at + gram - Math.max(at, coveredTo))
      coveredTo = at + gram
    }
    return covered
  }
}

/** `sharedCharsOf(text)(text)` without the table: a copy shares every character once it is a 4-gram long. */
export function sharedCharsOfCopy(text: string): number {
  return text.length >= gram ? text.length : 0
}

/**
 * `[sharedGrams(a, b), sharedGrams(b, a)]` in one pass: `a`'s 4-grams are tabled with their positions, `b` is scanned
 * once, and each 4-gram found marks both texts (the side-by-side view marks both paragraphs of a pair).
 * @example sharedGramsBoth('甲乙丙丁戊己', '乙丙丁戊子') // [[[1, 5]], [[0, 4]]]
 */
export function sharedGramsBoth(a: string, b: string): [[number, number][], [number, number][]] {
  const countA = Math.max(0, a.length - gram + 1)
  const countB = Math.max(0, b.length - gram + 1)
  const table = chainTable(countA, countB)
  const { slotKeys, heads, stamps, next, mask } = table
  const stamp = table.stamp
  // A slot is in use when stamped with this call's number: the table is never cleared.
  const slotOf = (hash: number): number => {
    let slot = spread(hash) & mask
    while (stamps[slot] === stamp && slotKeys[slot] !== hash) slot = (slot + 1) & mask
    return slot
  }
  const hashesA = gramHashes(a)
  for (let at = countA - 1; at >= 0; at--) {
    const hash = hashesA[at] ?? 0
    const slot = slotOf(hash)
    next[at] = stamps[slot] === stamp ? (heads[slot] ?? -1) : -1
    slotKeys[slot] = hash
    stamps[slot] = stamp
    heads[slot] = at
  }
  const hitA = table.hitA.fill(0, 0, countA).subarray(0, countA)
  const hitB = table.hitB.fill(0, 0, countB).subarray(0, countB)
  const hashesB = gramHashes(b)
  for (let at = 0; at < countB; at++) {
    const slot = slotOf(hashesB[at] ?? 0)
    if (stamps[slot] !== stamp) continue
    const head = heads[slot] ?? 0
    hitB[at] = 1
    // A slot already seen has its positions marked: the chain is walked once.
    if (hitA[head] === 1) continue
    for (let position = head; position !== -1; position = next[position] ?? -1) hitA[position] = 1
  }
  return [rangesWhere(countA, (at) => hitA[at] === 1), rangesWhere(countB, (at) => hitB[at] === 1)]
}

/** The tables `sharedGramsBoth` reuses from call to call (it runs for every pair a side-by-side page shows). */
interface ChainTable {
  slotKeys: Int32Array
  heads: Int32Array
  stamps: Int32Array
  stamp: number
  mask: number
  next: Int32Array
  hitA: Uint8Array
  hitB: Uint8Array
}

let chains: ChainTable = { slotKeys: new Int32Array(1024), heads: new Int32Array(1024), stamps: new Int32Array(1024), stamp: 0, mask: 1023, next: new Int32Array(512), hitA: new Uint8Array(512), hitB: new Uint8Array(512) }

/** The reused tables, grown for `grams` 4-grams of the tabled text and `others` of the scanned one, with a fresh stamp. */
function chainTable(grams: number, others: number): ChainTable {
  if (grams * 2 > chains.slotKeys.length) {
    let slots = chains.slotKeys.length
    while (grams * 2 > slots) slots *= 2
    chains = { ...chains, slotKeys: new Int32Array(slots), heads: new Int32Array(slots), stamps: new Int32Array(slots), stamp: 0, mask: slots - 1 }
  }
  if (grams > chains.next.length) chains.next = new Int32Array(Math.max(grams, chains.next.length * 2))
  if (grams > chains.hitA.length) chains.hitA = new Uint8Array(Math.max(grams, chains.hitA.length * 2))
  if (others > chains.hitB.length) chains.hitB = new Uint8Array(Math.max(others, chains.hitB.length * 2))
  chains.stamp++
  return chains
}

/** The 4-grams starting at the positions `hit` holds for, as [start, end) ranges of the text, overlapping and touching ones joined. */
function rangesWhere(starts: number, hit: (at: number) => boolean): [number, number][] {
  const ranges: [number, number][] = []
  let open = -1
  let coveredTo = 0
  for (let at = 0; at < starts; at++) {
    if (!hit(at)) continue
    if (open >= 0 && at <= coveredTo) coveredTo = at + gram
    else {
      if (open >= 0) ranges.push([open, coveredTo])
      open = at
      coveredTo = at + gram
    }
  }
  if (open >= 0) ranges.push([open, coveredTo])
  return ranges
}
