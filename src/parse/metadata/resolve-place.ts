import type { Place } from './load-divisions.ts'

/** A place chosen among candidates of the same name, or as much of its path as they share. */
export interface ResolvedPlace {
  /** Path from the province down; shortened to the shared part when the text cannot tell the candidates apart. */
  path: string[]
  /** The place itself, when one candidate was chosen. */
  place: Place | null
  /** Paths of the candidates left undecided (empty when resolved). */
  undecided: string[][]
}

/**
 * Choose among places of the same name (朝阳区 in 北京市 and in 长春市) by how often the text names their province
 * or city; when it does not tell them apart, keep only the levels they share rather than guess.
 */
export function resolvePlace(candidates: Place[], mentions: Map<string, number>): ResolvedPlace {
  const [first] = candidates
  if (!first) return { path: [], place: null, undecided: [] }
  if (candidates.length === 1) return { path: first.path, place: first, undecided: [] }
  const scored = candidates.map((place) => ({
    place,
    score: place.path.slice(0, -1).reduce((sum, name) => sum + (mentions.get(name) ?? 0), 0),
  }))
  scored.sort((a, b) => b.score - a.score)
  const [best, second] = scored
  if (best && best.score > 0 && (!second || best.score > second.score)) {
    return { path: best.place.path, place: best.place, undecided: [] }
  }
  return { path: sharedPrefix(candidates.map((c) => c.path)), place: null, undecided: candidates.map((c) => c.path) }
}

function sharedPrefix(paths: string[][]): string[] {
  const [first = []] = paths
  const shared: string[] = []
  for (const [index, segment] of first.entries()) {
    if (!paths.every((path) => path[index] === segment)) break
    shared.push(segment)
  }
  return shared
}
