import { createRequire } from 'node:module'
import path from 'node:path'
import { loadPdfjs } from '../pdfjs-private/load-pdfjs.ts'
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js'

/** The text of a PDF, one paragraph or heading a line, and the line each page starts on. */
export interface PdfText {
  /** Text with running headers, footers and page numbers dropped, lines wrapped by the layout re-joined. */
  text: string
  /** 1-based line of `text` on which each page starts (page 1 first); a page without body text starts where the next does. */
  pageStarts: number[]
  /** Pages in the file. */
  pages: number
  /** Characters found on the pages before anything was dropped; 0 for a scan without a text layer. */
  characters: number
}

/** One visual line of a page: its text, where it starts and ends, and how tall its characters are. */
interface Line {
  text: string
  left: number
  right: number
  top: number
  size: number
}

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** A page number as printed: `3`, `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共12页`, `3/12`. */
const pageNumberPattern = /^[-－—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[-－—–\s]*$/

/**
 * Extract a text-based PDF's text in reading order with pdf.js: items grouped into lines by their baseline, lines
 * top to bottom, then running headers and footers (the same line at the top or bottom of most pages) and page numbers
 * dropped, and a line that runs to the right margin joined with the next unless that one is indented (a new
 * paragraph) — Chinese paragraphs open with a two-character indent; in a document that indents, a line that stops
 * short of the margin mid-sentence (the next word did not fit) runs on too.
 *
 * Throws when pdf.js cannot open the file (damaged, encrypted); `characters` is 0 for a scan.
 */
export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await loadPdfjs()
  const document = await getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise
  try {
    const pages: Line[][] = []
    let characters = 0
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      const items = content.items.filter((item): item is TextItem => 'str' in item)
      characters += items.reduce((sum, item) => sum + item.str.replace(/\s/g, '').length, 0)
      pages.push(groupLines(items))
      page.cleanup()
    }
    const body = dropRunningLines(pages)
    const { text, pageStarts } = joinPages(body)
    return { text, pageStarts, pages: document.numPages, characters }
  } finally {
    await document.destroy()
  }
}

/** Group a page's text items into lines: items whose baselines are within half a character height share a line. */
function groupLines(items: readonly TextItem[]): Line[] {
  const placed = items
    .filter((item) => item.str !== '')
    .map((item) => ({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, size: Math.abs((item.transform[3] as number) || item.height) || 10 }))
    .sort((a, b) => b.y - a.y || a.x - b.x)
  const lines: Array<{ y: number; parts: typeof placed }> = []
  for (const item of placed) {
    const line = lines.find((candidate) => Math.abs(candidate.y - item.y) <= item.size / 2)
    if (line) line.parts.push(item)
    else lines.push({ y: item.y, parts: [item] })
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map(({ y, parts }) => {
      parts.sort((a, b) => a.x - b.x)
      const text = parts.map((part) => part.text).join('').replace(/\s+$/, '')
      const left = Math.min(...parts.map((part) => part.x))
      const right = Math.max(...parts.map((part) => part.x + part.width))
      return { text, left, right, top: y, size: Math.max(...parts.map((part) => part.size)) }
    })
    .filter((line) => line.text.trim() !== '')
}

/**
 * Drop each page's running header and footer lines and page numbers: a first or last line whose text, digits
 * ignored, is the first or last line of at least half the pages (two at least), or a first or last line that is
 * only a page number.
 */
function dropRunningLines(pages: readonly Line[][]): Line[][] {
  const shape = (line: Line | undefined) => (line === undefined ? '' : line.text.replace(/\d+/g, '#').replace(/\s+/g, ''))
  const count = (pick: (lines: Line[]) => Line | undefined) => {
    const counts = new Map<string, number>()
    for (const lines of pages) counts.set(shape(pick(lines)), (counts.get(shape(pick(lines))) ?? 0) + 1)
    return counts
  }
  const firsts = count((lines) => lines[0])
  const lasts = count((lines) => lines[lines.length - 1])
  const repeated = (counts: Map<string, number>, line: Line | undefined) => pages.length >= 2 && (counts.get(shape(line)) ?? 0) >= Math.max(2, pages.length / 2)
  return pages.map((lines) => {
    const kept = [...lines]
    for (let edge = 0; edge < 2; edge++) {
      if (kept.length > 0 && (pageNumberPattern.test(kept[0]?.text ?? '') || repeated(firsts, kept[0]))) kept.shift()
      const last = kept[kept.length - 1]
      if (kept.length > 0 && (pageNumberPattern.test(last?.text ?? '') || repeated(lasts, last))) kept.pop()
    }
    return kept
  })
}

/**
 * One text for all pages: a line that reaches the right margin (within one character) joins the next line, on the
 * same page or the next, when that one starts at the left margin; every other line ends its paragraph.
 */
function joinPages(pages: readonly Line[][]): { text: string; pageStarts: number[] } {
  const all = pages.flat()
  const left = mostCommon(all.map((line) => Math.round(line.left)))
  const right = Math.max(...all.map((line) => line.right), 0)
  // Official documents open each paragraph with a two-character indent; when most paragraphs do, that marks them.
  const indentedStarts = all.filter((line) => Math.abs(line.left - left - 2 * line.size) <= line.size / 2).length
  const indented = indentedStarts >= 3 && indentedStarts >= all.length * 0.1
  const paragraphs: string[] = []
  const pageStarts: number[] = []
  let open: { text: string; full: boolean } | null = null
  for (const lines of pages) {
    let startsHere = true
    for (const line of lines) {
      // A line wraps early when the next word (a number, a quotation) does not fit; in a document whose paragraphs
      // open indented, a line near the margin that ends mid-sentence still runs on into an unindented next line.
      const gap = right - line.right
      const full = gap <= line.size * 1.5 || (indented && gap <= line.size * 8 && !/[。！？；：!?;:]$/.test(line.text.trim()))
      const atMargin = Math.abs(line.left - left) <= line.size / 2
      if (open !== null && open.full && atMargin) {
        const space: string = /[A-Za-z0-9,.;:]$/.test(open.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : ''
        open = { text: open.text + space + line.text.trimStart(), full }
      } else {
        if (open !== null) paragraphs.push(open.text)
        open = { text: line.text.trim(), full }
      }
      if (startsHere) {
        // A page whose first line continues the previous page's paragraph starts on that paragraph's line.
        pageStarts.push(paragraphs.length + 1)
        startsHere = false
      }
    }
    if (startsHere) pageStarts.push(paragraphs.length + (open === null ? 1 : 2))
  }
  if (open !== null) paragraphs.push(open.text)
  return { text: paragraphs.join('\n') + (paragraphs.length > 0 ? '\n' : ''), pageStarts }
}

/** The most frequent value (the smallest on a tie); 0 for none. */
function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best = 0
  let bestCount = 0
  for (const [value, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}
