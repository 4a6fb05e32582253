import { toSimplified } from '../metadata/to-simplified.ts'
import { normaliseLine } from './normalise-line.ts'

/**
 * The copy of a line that patterns are matched on: traditional characters simplified and punctuation folded
 * (`（一）加強組織領導` → `(一)加强组织领导`). Same length as the input, so offsets map back to the text as written.
 * `traditional` false skips the conversion (the document has no traditional characters).
 */
export function detectionText(text: string, traditional = true): string {
  return normaliseLine(traditional ? simplifyInPlace(text) : text)
}

// Conversion is character for character in practice; where a phrase rule changes the length, fall back per character.
function simplifyInPlace(text: string): string {
  const simplified = toSimplified(text, true)
  if (simplified.length === text.length) return simplified
  return [...text].map((char) => {
    const one = toSimplified(char, true)
    return one.length === char.length ? one : char
  }).join('')
}
