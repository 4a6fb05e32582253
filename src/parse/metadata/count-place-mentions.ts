import { loadDivisions } from './load-divisions.ts'

/**
 * Count how often each division's full name occurs in a text (longest name at each position), the evidence used
 * to choose between places of the same name and to fill in 市 of 市司法局.
 *
 * @example countPlaceMentions('天津市武清区…天津市').get('天津市') // 2
 */
export function countPlaceMentions(text: string): Map<string, number> {
  const { byName, longest } = loadDivisions()
  const counts = new Map<string, number>()
  for (let position = 0; position < text.length; position += 1) {
    for (let length = Math.min(longest, text.length - position); length >= 2; length -= 1) {
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
