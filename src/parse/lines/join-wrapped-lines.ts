import { readHeadingNumber } from '../headings/read-heading-number.ts'
import type { SourceLine } from './split-lines.ts'

/** Lines a sentence may end with; a hard-wrapped line ends anywhere else. */
const terminal = /[。;:!?！？；：”"’」』)]$/
/** Lines shorter than this (in columns, a CJK character being two) say nothing about a wrap width; pages wrap at 50–60. */
const minWrapWidth = 36
/** A full line may fall short of the width by an indent of two characters or a wide character that did not fit. */
const slack = 6

/**
 * Re-join the lines of a text hard-wrapped at a fixed width (a PDF copy): a line that fills the width, does not end a
 * sentence and is not a heading joins the next line unless that one starts a heading. Texts whose lines do not share
 * a width are returned as they are. Every character is kept once; a joined line keeps the first line's number.
 */
export function joinWrappedLines(lines: readonly SourceLine[]): SourceLine[] {
  const width = findWrapWidth(lines)
  if (width === null) return [...lines]
  const joined: SourceLine[] = []
  let open: SourceLine | null = null
  for (const line of lines) {
    if (open !== null && readHeadingNumber(line.norm) === null) {
      const space: string = /[A-Za-z0-9]$/.test(open.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : ''
      open = { line: open.line, text: open.text + space + line.text, norm: open.norm + space + line.norm }
    } else {
      if (open !== null) joined.push(open)
      open = line
    }
    if (!continues(line, width)) {
      joined.push(open)
      open = null
    }
  }
  if (open !== null) joined.push(open)
  return joined
}

/** Whether a line was broken at the wrap width in mid-sentence. */
function continues(line: SourceLine, width: number): boolean {
  if (terminal.test(line.norm) || columns(line.text) < width - slack || isTableRow(line)) return false
  // A numbered heading on a line of its own (一、主要举措和成效) stands alone; a run-in one (（一）标题。正文…) runs on.
  return readHeadingNumber(line.norm) === null || line.norm.includes('。')
}

/** The width the text was wrapped at, or null when it was not: most long lines end mid-sentence at about one width. */
function findWrapWidth(lines: readonly SourceLine[]): number | null {
  const open = lines.filter((line) => !terminal.test(line.norm) && columns(line.text) >= minWrapWidth && !isTableRow(line) &&
    (readHeadingNumber(line.norm) === null || line.norm.includes('。')))
  if (open.length < 3 || open.length < lines.length / 4) return null
  const widths = open.map((line) => columns(line.text)).sort((a, b) => a - b)
  const width = widths[Math.floor(widths.length / 2)] as number
  const near = widths.filter((value) => value >= width - slack && value <= width + 2).length
  return near >= open.length * 0.6 ? width : null
}

/** Table rows and link lists put spaces between words; wrapped prose does not. */
function isTableRow(line: SourceLine): boolean {
  return /[^\sA-Za-z0-9]\s+[^\sA-Za-z0-9]/.test(line.norm)
}

/** Display columns: two for a wide (CJK, full-width) character, one otherwise. */
function columns(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) count += text.charCodeAt(index) > 0xff ? 2 : 1
  return count
}
