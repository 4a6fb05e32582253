import { foldCharacter } from '../../templates/assets/search.core.js'

/** A text folded as the search folds it, with where each folded character came from. */
export interface FoldedPassage {
  /** The folded text: simplified, NFKC, lower case; punctuation and spaces dropped (`foldCharacter`). */
  folded: string
  /** For each UTF-16 unit of `folded`, the offset in the original text where its character starts. */
  starts: number[]
  /** For each UTF-16 unit of `folded`, the offset just past its character. */
  ends: number[]
}

/**
 * Fold a passage with the search's own fold (templates/assets/search.fold.js through `foldCharacter`), so reuse is
 * found however it is punctuated or written (traditional, full width), and keep the map back to the text as written.
 * @example foldPassage('羅店鎮，（一）').folded // '罗店镇一'
 */
export function foldPassage(text: string): FoldedPassage {
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  let at = 0
  for (const character of text) {
    const part = foldCharacter(character)
    folded += part
    for (let unit = 0; unit < part.length; unit++) {
      starts.push(at)
      ends.push(at + character.length)
    }
    at += character.length
  }
  return { folded, starts, ends }
}

/** Only the folded text (no offsets): what the index holds for every paragraph. */
export function foldOnly(text: string): string {
  let folded = ''
  for (const character of text) folded += foldCharacter(character)
  return folded
}
