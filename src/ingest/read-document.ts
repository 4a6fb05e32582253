import { createHash } from 'node:crypto'
import path from 'node:path'
import { createMessage } from '../messages.ts'
import type { Message, MetaOverrides, RawReport, Result } from '../types.ts'
import { docxToText } from './docx-to-text.ts'
import { normaliseLineEndings } from './normalise-line-endings.ts'
import { pdfToText } from './pdf-to-text.ts'

/** Extensions of office documents, and how each is read. */
const documentKinds: Readonly<Record<string, 'pdf' | 'docx' | 'doc' | 'wps'>> = { '.pdf': 'pdf', '.docx': 'docx', '.doc': 'doc', '.wps': 'wps' }

/** Fewest characters a PDF's text layer must hold; below this it is a scan (a stray page number is not a text layer). */
const minPdfCharacters = 20

/**
 * Read a PDF or .docx report into a `RawReport` (`.doc` and `.wps` are refused with a request to convert them), or
 * null when `file` is not an office document and the caller should read it as text.
 *
 * A PDF without a text layer is a `scanned-pdf` error, never an empty report.
 */
export async function readDocument(
  file: string,
  bytes: Uint8Array,
  name: string,
  readSidecar: () => Promise<{ value: MetaOverrides; messages: Message[] }>,
): Promise<Result<RawReport> | null> {
  const kind = documentKinds[path.extname(file).toLowerCase()]
  if (kind === undefined) return null
  const fail = (message: Message): Result<RawReport> => ({ value: null, messages: [message] })
  const where = { file: name, severity: 'error' as const }
  if (kind === 'doc' || kind === 'wps') return fail(createMessage('legacy-word', where, { format: kind }))
  let text: string
  let pageStarts: number[] | undefined
  try {
    if (kind === 'pdf') {
      const pdf = await pdfToText(bytes)
      if (pdf.characters < minPdfCharacters) return fail(createMessage('scanned-pdf', where, { pages: pdf.pages }))
      text = pdf.text
      pageStarts = pdf.pageStarts
    } else {
      text = await docxToText(bytes)
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return fail(createMessage(kind === 'pdf' ? 'unreadable-pdf' : 'unreadable-docx', where, { detail }))
  }
  text = normaliseLineEndings(text)
  if (text.trim() === '') return fail(createMessage('empty', where, { cause: 'blank' }))
  const sidecar = await readSidecar()
  const report: RawReport = {
    file: name,
    format: kind,
    encoding: kind === 'pdf' ? 'pdf' : 'docx',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
    overrides: sidecar.value,
  }
  if (pageStarts !== undefined) report.pageStarts = pageStarts
  return { value: report, messages: sidecar.messages }
}
