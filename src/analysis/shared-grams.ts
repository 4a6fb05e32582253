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
  for (let at = 0; at < grams; at++) insert(gramHash(other, at))
  const ranges: [number, number][] = []
  let open = -1
  let coveredTo = 0
  for (let at = 0; at + gram <= self.length; at++) {
    if (!has(gramHash(self, at))) continue
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

function insert(hash: number): void {
  let slot = hash & (size - 1)
  while (stamps[slot] === generation) {
    if (keys[slot] === hash) return
    slot = (slot + 1) & (size - 1)
  }
  stamps[slot] = generation
  keys[slot] = hash
}

function has(hash: number): boolean {
  let slot = hash & (size - 1)
  while (stamps[slot] === generation) {
    if (keys[slot] === hash) return true
    slot = (slot + 1) & (size - 1)
  }
  return false
}

/** A 4-gram as one 32-bit number (a collision would mark one stray 4-gram: one in billions). */
function gramHash(text: string, at: number): number {
  let hash = 0x811c9dc5
  for (let k = at; k < at + gram; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193)
  return hash
}
