import mammoth from 'mammoth'
import { htmlToText } from './html-to-text.ts'
import { numberDocxParagraphs } from './number-docx-paragraphs.ts'

/**
 * The text of a .docx, one paragraph a line: mammoth turns the document into HTML (paragraphs, headings, lists,
 * tables; tracked deletions and comments left out), the HTML reader makes lines of it, and Word's automatic numbers
 * (`一、`, `（一）`), which mammoth drops, are put back before the paragraphs they belong to.
 *
 * Throws when the file is not a readable .docx.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  const { text } = htmlToText(`<!doctype html><html><body><article>${html}</article></body></html>`)
  const numbered = numberDocxParagraphs(bytes)
  if (numbered.length === 0) return text
  // Paragraphs are matched in order by their text, so a numbered paragraph mammoth left out never shifts the others.
  let next = 0
  const squash = (value: string) => value.replace(/\s+/g, '')
  const lines = text.split('\n').map((line) => {
    const wanted = numbered.findIndex((paragraph, index) => index >= next && squash(paragraph.text) === squash(line) && squash(line) !== '')
    if (wanted === -1) return line
    next = wanted + 1
    return `${numbered[wanted]?.label ?? ''}${line}`
  })
  return lines.join('\n')
}
