import { detectionText } from './detection-text.ts'
import { toSimplified } from '../metadata/to-simplified.ts'
import { normaliseLine } from './normalise-line.ts'

const lineBreak = /\r\n|\r|\n/

/** One non-blank source line: its 1-based number, its text as written (trimmed) and its normalised form. */
export interface SourceLine {
  /** 1-based line number in the decoded source. */
  line: number
  /** The line as written, without leading or trailing whitespace. */
  text: string
  /** `text` in simplified characters with odd spaces and full-width punctuation folded (same length as `text`). */
  norm: string
}

/**
 * Split decoded text into its non-blank lines, keeping 1-based source line numbers. When the text holds traditional
 * characters (a 繁體 mirror), every line's `norm` is simplified, so patterns written in simplified match it.
 */
export function splitLines(text: string): SourceLine[] {
  // One conversion of the whole text both detects a traditional page and simplifies it, line by line alike.
  const simplified = toSimplified(text)
  const traditional = simplified !== text
  const rawLines = text.split(lineBreak)
  const simplifiedLines = traditional ? simplified.split(lineBreak) : rawLines
  const aligned = simplifiedLines.length === rawLines.length
  const lines: SourceLine[] = []
  rawLines.forEach((raw, index) => {
    const trimmed = trimIndent(raw)
    if (trimmed === '') return
    const copy = traditional && aligned ? normaliseLine(trimIndent(simplifiedLines[index] ?? '')) : ''
    const norm = copy.length === trimmed.length ? copy : detectionText(trimmed, traditional)
    lines.push({ line: index + 1, text: trimmed, norm })
  })
  return lines
}

// A mirror that could not encode the two indent characters wrote ?? instead: page noise, never report text.
const lostIndent = /^\?{1,4}(?=[^\s?])/

function trimIndent(raw: string): string {
  return trimSpace(trimSpace(raw).replace(lostIndent, ''))
}

/** Trim whitespace, odd spaces and zero-width characters from both ends, in linear time. */
export function trimSpace(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  return text.slice(start, end)
}

function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x202f ||
    code === 0x205f || (code >= 0x2000 && code <= 0x200b) || code === 0x85 || code === 0x2028 || code === 0x2029
}
