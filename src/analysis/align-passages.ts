/** The best local alignment of two folded passages. */
export interface Alignment {
  /** Characters aligned as equal. */
  matches: number
  /** Aligned span in `a`: first unit and one past the last. */
  aStart: number
  aEnd: number
  /** Aligned span in `b`. */
  bStart: number
  bEnd: number
  /** Runs of equal characters inside the spans, as [aStart, bStart, length]: what a side-by-side view marks. */
  runs: [number, number, number][]
}

const match = 2
const mismatch = -2
const gap = -3

/**
 * Smith–Waterman local alignment of two folded texts (compared by UTF-16 code unit) (match +2, mismatch −2, gap −3): the longest
 * stretch the two share, allowing a few changed, added or dropped characters. Quadratic, so callers align sentences,
 * not whole reports.
 * @example alignPassages('甲乙丙丁戊', '乙丙x戊').matches // 3
 */
export function alignPassages(a: string, b: string): Alignment {
  const rows = a.length
  const cols = b.length
  const width = cols + 1
  const score = new Int32Array((rows + 1) * width)
  let best = 0
  let bestAt = 0
  for (let i = 1; i <= rows; i++) {
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= cols; j++) {
      const here = i * width + j
      const diagonal = (score[here - width - 1] ?? 0) + (ai === b.charCodeAt(j - 1) ? match : mismatch)
      const up = (score[here - width] ?? 0) + gap
      const left = (score[here - 1] ?? 0) + gap
      const value = Math.max(0, diagonal, up, left)
      score[here] = value
      if (value > best) {
        best = value
        bestAt = here
      }
    }
  }
  return traceBack(a, b, score, width, best === 0 ? -1 : bestAt)
}

/** Follow the best cell back to where its score started, collecting the runs of equal characters. */
function traceBack(a: string, b: string, score: Int32Array, width: number, from: number): Alignment {
  if (from < 0) return { matches: 0, aStart: 0, aEnd: 0, bStart: 0, bEnd: 0, runs: [] }
  let i = Math.floor(from / width)
  let j = from % width
  const aEnd = i
  const bEnd = j
  const runs: [number, number, number][] = []
  let matches = 0
  while (i > 0 && j > 0 && (score[i * width + j] ?? 0) > 0) {
    const here = score[i * width + j] ?? 0
    const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1)
    if (here === (score[(i - 1) * width + j - 1] ?? 0) + (same ? match : mismatch)) {
      if (same) {
        matches++
        const last = runs[runs.length - 1]
        if (last && last[0] === i && last[1] === j) {
          last[0]--
          last[1]--
          last[2]++
        } else runs.push([i - 1, j - 1, 1])
      }
      i--
      j--
    } else if (here === (score[(i - 1) * width + j] ?? 0) + gap) i--
    else j--
  }
  return { matches, aStart: i, aEnd, bStart: j, bEnd, runs: runs.reverse() }
}
