/** Characters per shared n-gram that marks text as shared. */
const gram = 4

/**
 * The stretches of `self` covered by a 4-gram that `other` also holds, as [start, end) ranges of the folded text:
 * what a side-by-side view marks, found in linear time. Between near-copies these are the aligned runs; a changed
 * character leaves the characters around it unmarked only where no 4-gram spans them.
 * @example sharedGrams('甲乙丙丁戊己', '乙丙丁戊子') // [[1, 5]]
 */
export function sharedGrams(self: string, other: string): [number, number][] {
  const grams = new Set<number>()
  for (let at = 0; at + gram <= other.length; at++) grams.add(gramHash(other, at))
  const covered = new Uint8Array(self.length)
  for (let at = 0; at + gram <= self.length; at++) {
    if (grams.has(gramHash(self, at))) covered.fill(1, at, at + gram)
  }
  const ranges: [number, number][] = []
  let at = 0
  while (at < self.length) {
    if (covered[at] !== 1) {
      at++
      continue
    }
    let end = at
    while (end < self.length && covered[end] === 1) end++
    ranges.push([at, end])
    at = end
  }
  return ranges
}

/** A 4-gram as one 32-bit number (a collision would mark one stray 4-gram: one in billions). */
function gramHash(text: string, at: number): number {
  let hash = 0x811c9dc5
  for (let k = at; k < at + gram; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193)
  return hash
}
