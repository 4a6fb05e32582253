import type { SectionKind } from '../types.ts'
import type { ExpectedLine, HoldoutExpectation } from './holdout-types.ts'

/**
 * The body lines of a fixture with their expected kinds, read from the raw bytes without any project code:
 * decode (BOM, UTF-8, else GBK), cut the article out of HTML, drop front matter and Markdown marks, drop `notBody` lines.
 * Throws when the expectation does not fit the fixture (a bug in the corpus, not in the parser).
 */
export function readExpectedBody(bytes: Uint8Array, fileName: string, expected: HoldoutExpectation): ExpectedLine[] {
  let text = decode(bytes)
  if (fileName.endsWith('.html')) text = htmlArticleText(text, expected, fileName)
  if (fileName.endsWith('.md')) text = markdownPlainText(text)
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '')
  const unused = expected.notBody.filter((line) => !lines.includes(line.trim()))
  if (unused.length > 0) throw new Error(`${fileName}: notBody lines not found in the fixture: ${unused.join(' | ')}`)
  const skip = new Set(expected.notBody.map((line) => line.trim()))
  const body = lines.filter((line) => !skip.has(line))
  const result: ExpectedLine[] = []
  let kind: SectionKind = 'preamble'
  let next = 0
  for (const line of body) {
    const marker = expected.kinds[next]
    if (marker !== undefined && line.startsWith(marker.startsWith)) {
      kind = marker.kind
      next++
    }
    result.push({ text: line, kind })
  }
  const missing = expected.kinds.slice(next)
  if (missing.length > 0) throw new Error(`${fileName}: kind markers not found in order: ${missing.map((m) => m.startsWith).join(' | ')}`)
  return result
}

/** Text of the bytes: UTF-16 or UTF-8 by BOM, else UTF-8 when valid, else GBK. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/** The article between the fixture's begin and end comments, as one line per block. */
function htmlArticleText(html: string, expected: HoldoutExpectation, fileName: string): string {
  const marks = expected.htmlArticle
  if (marks === undefined) throw new Error(`${fileName}: an HTML fixture needs htmlArticle begin/end comments`)
  const start = html.indexOf(marks.begin)
  const end = html.indexOf(marks.end, start)
  if (start === -1 || end === -1) throw new Error(`${fileName}: article comments not found`)
  return html
    .slice(start + marks.begin.length, end)
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(?:p|div|h\d|li|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
}

/** Markdown without its front matter, heading marks and emphasis marks. */
function markdownPlainText(markdown: string): string {
  const body = markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
  return body
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*|__/g, ''))
    .join('\n')
}
