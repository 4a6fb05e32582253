import { loadDivisions } from './load-divisions.ts'

/**
 * Count how often each division's full name occurs in a text (longest name at each position), the evidence used
 * to choose between places of the same name and to fill in 市 of 市司法局.
 *
 * @example countPlaceMentions('天津市武清区…天津市').get('天津市') // 2
 */
export function countPlaceMentions(text: string): Map<string, number> {
  const { byName } = loadDivisions()
  const lengths = lengthsByFirstChar(byName)
  const counts = new Map<string, number>()
  for (let position = 0; position < text.length; position += 1) {
    for (const length of lengths.get(text[position] ?? '') ?? []) {
      const piece = text.slice(position, position + length)
      if (byName.has(piece)) {
        counts.set(piece, (counts.get(piece) ?? 0) + 1)
        position += length - 1
        break
      }
    }
  }
  return counts
}

let cachedLengths: Map<string, number[]> | null = null

// Name lengths by first character, longest first: most characters start no name, so most positions cost one lookup.
function lengthsByFirstChar(byName: Map<string, unknown>): Map<string, number[]> {
  if (cachedLengths) return cachedLengths
  const lengths = new Map<string, Set<number>>()
  for (const name of byName.keys()) {
    const first = name[0] ?? ''
    lengths.set(first, (lengths.get(first) ?? new Set()).add(name.length))
  }
  cachedLengths = new Map([...lengths].map(([first, set]) => [first, [...set].sort((a, b) => b - a)]))
  return cachedLengths
}
