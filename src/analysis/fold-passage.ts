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
  // Typed arrays sized for the common case (a character folds to at most one unit), grown for NFKC expansions.
  let starts = new Int32Array(text.length + 4)
  let ends = new Int32Array(text.length + 4)
  let length = 0
  for (let at = 0; at < text.length; ) {
    // Most characters are one unit folding to one unit or to nothing, known from the table: no call, no string.
    const known = knownFold(text.charCodeAt(at))
    if (known >= 0 && length < starts.length && length < buffer.length) {
      buffer[length] = known
      starts[length] = at
      ends[length] = at + 1
      length++
      at++
      continue
    }
    if (known === dropped) {
      at++
      continue
    }
    const width = characterLength(text, at)
    const next = appendFolded(text, at, length)
    if (next > starts.length) {
      starts = grow(starts, next)
      ends = grow(ends, next)
    }
    for (let unit = length; unit < next; unit++) {
      starts[unit] = at
      ends[unit] = at + width
    }
    length = next
    at += width
  }
  return { folded: foldedText(length), starts: starts.subarray(0, length), ends: ends.subarray(0, length) }
}

function grow(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(Math.max(needed, array.length * 2))
  larger.set(array)
  return larger
}

/** Only the folded text (no offsets): what the index holds for every paragraph. */
export function foldOnly(text: string): string {
  return foldedText(foldUnits(text))
}

/** Fold `text` into the shared buffer (`foldedUnits`) and return the folded length: for callers that need codes, not a string. */
export function foldUnits(text: string): number {
  return appendFoldedRange(text, 0, text.length, 0)
}

/** Fold the characters of `text` from `from` to `to` into the shared buffer after its first `length` units; returns the new length. */
export function appendFoldedRange(text: string, from: number, to: number, length: number): number {
  for (let at = from; at < to; ) {
    // The common case inline, as in `foldPassage`.
    const known = knownFold(text.charCodeAt(at))
    if (known >= 0 && length < buffer.length) {
      buffer[length++] = known
      at++
    } else if (known === dropped) at++
    else {
      length = appendFolded(text, at, length)
      at += characterLength(text, at)
    }
  }
  return length
}

// Folding runs over every paragraph of the corpus several times: the folded units go to one growing buffer and become
// a string once, not a string per character (at 10,000 reports those were a large share of the garbage collected).
let buffer = new Uint16Array(1 << 12)

/** The shared buffer `appendFolded` and `foldUnits` write to; read it before folding anything else. */
export function foldedUnits(): Uint16Array {
  return buffer
}

/** The first `length` units of the shared buffer as a string. */
export function foldedText(length: number): string {
  let text = ''
  // fromCharCode takes its arguments on the stack: chunks keep a long passage within its limit.
  for (let from = 0; from < length; from += 1 << 13) {
    text += String.fromCharCode.apply(null, buffer.subarray(from, Math.min(length, from + (1 << 13))) as unknown as number[])
  }
  return text
}

/**
 * Fold the character starting at `at` (`foldCharacterAt`) into the shared buffer after its first `length` units;
 * returns the new length.
 */
export function appendFolded(text: string, at: number, length: number): number {
  const code = text.charCodeAt(at)
  const single = characterLength(text, at) === 1
  if (single) {
    const folded = foldedCodes[code] ?? unknown
    if (folded >= 0) {
      if (length >= buffer.length) growBuffer(length + 1)
      buffer[length] = folded
      return length + 1
    }
    if (folded === dropped) return length
  }
  const part = foldCharacterAt(text, at)
  if (single && part.length === 1) foldedCodes[code] = part.charCodeAt(0)
  else if (single && part === '') foldedCodes[code] = dropped
  if (length + part.length > buffer.length) growBuffer(length + part.length)
  for (let unit = 0; unit < part.length; unit++) buffer[length + unit] = part.charCodeAt(unit)
  return length + part.length
}

function growBuffer(needed: number): void {
  const larger = new Uint16Array(Math.max(needed, buffer.length * 2))
  larger.set(buffer)
  buffer = larger
}

/** Per BMP character code: the code it folds to, `dropped`, or `unknown` (not met yet, or folds to several units). */
const unknown = -2
const dropped = -1
const foldedCodes = new Int32Array(0x10000).fill(unknown)

/**
 * The folded code of a one-unit character from the table, for the hot loops that fold inline: a code ≥ 0,
 * `dropped`, or `unknown` when `appendFolded` must decide (not met yet, several units, a surrogate).
 */
function knownFold(code: number): number {
  return code < 0xd800 || code > 0xdbff ? (foldedCodes[code] ?? unknown) : unknown
}

/** `foldCharacter` of a BMP character by its code, from a table filled as characters are met (no string per character). */
const foldedStrings: (string | undefined)[] = []

/** `foldCharacter` of the character starting at `at` (a surrogate pair is one character, as `for…of` takes it). */
export function foldCharacterAt(text: string, at: number): string {
  const code = text.charCodeAt(at)
  if (characterLength(text, at) === 2) return foldCharacter(text.slice(at, at + 2))
  return (foldedStrings[code] ??= foldCharacter(String.fromCharCode(code)))
}

/** UTF-16 units of the character starting at `at`: 2 for a surrogate pair, else 1. */
export function characterLength(text: string, at: number): number {
  const code = text.charCodeAt(at)
  if (code < 0xd800 || code > 0xdbff) return 1
  const next = text.charCodeAt(at + 1)
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1
}
