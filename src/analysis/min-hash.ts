/** Hash functions per signature; `bands` × `rows` of them. */
export const bands = 10
export const rows = 2
export const signatureLength = bands * rows
/** Shingle size: characters per n-gram. */
export const shingle = 4

const seeds = Array.from({ length: signatureLength }, (_, index) => mix(0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b)))

/**
 * MinHash signature of one folded unit over its character 4-grams, written into `into` at `offset`: two units whose
 * n-gram sets overlap by Jaccard J agree on each value with probability J.
 */
export function minHash(text: string, from: number, to: number, into: Uint32Array, offset: number): void {
  into.fill(0xffffffff, offset, offset + signatureLength)
  const last = Math.max(from + 1, to - shingle + 1)
  for (let at = from; at < last; at++) {
    let gram = 0x811c9dc5
    for (let k = at; k < Math.min(to, at + shingle); k++) gram = Math.imul(gram ^ text.charCodeAt(k), 0x01000193)
    for (let index = 0; index < signatureLength; index++) {
      const value = mix(gram ^ (seeds[index] ?? 0))
      if (value < (into[offset + index] ?? 0)) into[offset + index] = value
    }
  }
}

/** One band of a signature as a single 32-bit key. */
export function bandKey(signatures: Uint32Array, offset: number, band: number): number {
  let key = 0x811c9dc5 ^ band
  for (let row = 0; row < rows; row++) key = mix(Math.imul(key, 0x01000193) ^ (signatures[offset + band * rows + row] ?? 0))
  return key
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function mix(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
