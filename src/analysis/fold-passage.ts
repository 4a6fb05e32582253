import { foldCharacter } from '../../templates/assets/search.core.js'

/** A text folded as the search folds it, with where each folded character came from. */
export interface FoldedPassage {
  /** The folded text: simplified, NFKC, lower case; punctuation and spaces dropped (`foldCharacter`). */
  folded: string
  /** For each UTF-16 unit of `folded`, the offset in the original text where its character starts. */
  starts: Int32Array
  /** For each UTF-16 unit of `folded`, the offset just past its character. */
  ends: Int32Array
}

/**
 * Fold a passage with the search's own fold (templates/assets/search.fold.js through `foldCharacter`), so reuse is
 * found however it is punctuated or written (traditional, full width), and keep the map back to the text as written.
 * @example foldPassage('羅店鎮，（一）').folded // '罗店镇一'
 */
export function foldPassage(text: string): FoldedPassage {
  let folded = ''
  // Typed arrays sized for the common case (a character folds to at most one unit), grown for NFKC expansions.
  let starts = new Int32Array(text.length + 4)
  let ends = new Int32Array(text.length + 4)
  for (let at = 0; at < text.length; ) {
    const length = characterLength(text, at)
    const part = foldCharacterAt(text, at)
    if (folded.length + part.length > starts.length) {
      starts = grow(starts, folded.length + part.length)
      ends = grow(ends, folded.length + part.length)
    }
    for (let unit = 0; unit < part.length; unit++) {
      starts[folded.length + unit] = at
      ends[folded.length + unit] = at + length
    }
    folded += part
    at += length
  }
  return { folded, starts: starts.subarray(0, folded.length), ends: ends.subarray(0, folded.length) }
}

function grow(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(Math.max(needed, array.length * 2))
  larger.set(array)
  return larger
}

/** Only the folded text (no offsets): what the index holds for every paragraph. */
export function foldOnly(text: string): string {
  let folded = ''
  for (let at = 0; at < text.length; at += characterLength(text, at)) folded += foldCharacterAt(text, at)
  return folded
}

/** `foldCharacter` of a BMP character by its code, from a table filled as characters are met (no string per character). */
const foldedCodes: (string | undefined)[] = []

/** `foldCharacter` of the character starting at `at` (a surrogate pair is one character, as `for…of` takes it). */
export function foldCharacterAt(text: string, at: number): string {
  const code = text.charCodeAt(at)
  if (characterLength(text, at) === 2) return foldCharacter(text.slice(at, at + 2))
  return (foldedCodes[code] ??= foldCharacter(String.fromCharCode(code)))
}

/** UTF-16 units of the character starting at `at`: 2 for a surrogate pair, else 1. */
export function characterLength(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 0xd800 || code > 0xdbff) return 1
  const next = text.charCodeAt(at + 1)
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1
}
