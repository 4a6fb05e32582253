import { createHash } from 'node:crypto'
import path from 'node:path'
import { decodeFetchedBytes, readReport } from '../ingest/index.ts'
import { parseReport, reportText } from '../parse/index.ts'
import { createMessage } from '../messages.ts'
import type { FetchRecord, Message, Report } from '../types.ts'
import { fetchUrl, type Fetched, type FetchOptions } from './fetch-url.ts'
import { findAttachments } from './find-attachments.ts'
import { formatSidecar } from './format-sidecar.ts'
import { latestVersions, type StoredOriginal } from './list-stored.ts'
import { parseFetched } from './parse-fetched.ts'
import { sniffDocument } from './sniff-document.ts'
import { writeNewFile } from './write-new-file.ts'

/** What `addUrl` needs: the reports folder, the fetch settings of the run, and the originals kept so far. */
export interface AddContext {
  /** The reports folder. */
  root: string
  /** Fetch settings shared by the run (limiter, robots check, timeouts). */
  fetch: FetchOptions
  /** Originals already kept; `addUrl` appends what it writes. */
  stored: StoredOriginal[]
  /** The clock for `retrieved`. Default now. */
  now?: () => Date
}

/** What happened to one URL: a line for the user, and the file written or matched. */
export interface AddOutcome {
  status: 'added' | 'unchanged' | 'changed' | 'failed'
  url: string
  /** The original written, or the one the bytes matched; null on failure. */
  file: string | null
  /** The outcome as a message (an error for a failure). */
  message: Message
}

/** Attachments tried on a page that is not itself a report. */
const maxAttachments = 3

/**
 * Fetch one URL and keep its original unchanged under `reports/<year>/<id>.<ext>` (or `reports/unsorted/` when the
 * parse cannot tell the year or agency), with a sidecar recording where and when it came from. A page that is only a
 * link to the report as an attachment leads to the attachment. Bytes already kept, or a report text the same as the
 * latest version's (only the page around it changed), give `unchanged` and write nothing; a changed report text for a
 * URL already kept is a new version beside the old one (`NAME.v2.EXT`, its sidecar naming the `previous`). Nothing is
 * ever overwritten.
 */
export async function addUrl(url: string, context: AddContext): Promise<AddOutcome> {
  const failed = (message: Message): AddOutcome => ({ status: 'failed', url, file: null, message: { ...message, file: url } })
  const page = await fetchUrl(url, context.fetch)
  if (page.value === null) return failed(firstError(page.messages, url))
  let chosen = await readCandidate(page.value, undefined)
  if (chosen.report === null && chosen.html !== null) {
    for (const attachment of findAttachments(chosen.html, page.value.finalUrl).slice(0, maxAttachments)) {
      const fetched = await fetchUrl(attachment.url, context.fetch)
      if (fetched.value === null) {
        chosen = { ...chosen, messages: fetched.messages }
        continue
      }
      chosen = await readCandidate(fetched.value, url)
      if (chosen.report !== null) break
    }
  }
  const { fetched, report } = chosen
  if (report === null) return failed(firstError(chosen.messages, url))
  const sha256 = createHash('sha256').update(fetched.bytes).digest('hex')
  const latest = latestVersions(context.stored, url)
  const same = [...latest, ...context.stored].find((entry) => entry.sha256 === sha256)
  if (same !== undefined) {
    const file = relative(context.root, same.file)
    return { status: 'unchanged', url, file: same.file, message: createMessage('report-unchanged', { file: url, severity: 'warning' }, { file }) }
  }
  // A page's bytes change with its visit counter or a timestamp; only a change of the report's text is a new version.
  const latestText = latest[0] === undefined ? null : await readStoredText(latest[0].file, context.root)
  if (latest[0] !== undefined && latestText === reportText(report)) {
    const file = relative(context.root, latest[0].file)
    return { status: 'unchanged', url, file: latest[0].file, message: createMessage('report-unchanged', { file: url, severity: 'warning' }, { file, textOnly: true }) }
  }
  const record: FetchRecord = {
    ...(chosen.pageUrl === undefined ? {} : { pageUrl: chosen.pageUrl }),
    finalUrl: fetched.finalUrl,
    retrieved: (context.now ?? (() => new Date()))().toISOString(),
    ...(fetched.contentType === null ? {} : { contentType: fetched.contentType }),
    sha256,
    ...(fetched.etag === null ? {} : { etag: fetched.etag }),
    ...(fetched.lastModified === null ? {} : { lastModified: fetched.lastModified }),
  }
  const previous = latest[0]
  if (previous !== undefined) record.previous = path.basename(previous.file)
  const target = previous === undefined ? placeOf(context.root, report, fetched, sha256, chosen.extension) : nextVersionOf(previous.file, chosen.extension)
  const written = await writeNewFile(target, fetched.bytes)
  await writeNewFile(`${written.slice(0, written.length - path.extname(written).length)}.meta.yml`, formatSidecar(fetched.url, record), { rename: false })
  context.stored.push({
    file: written,
    sidecar: `${written.slice(0, written.length - path.extname(written).length)}.meta.yml`,
    url: fetched.url,
    asked: url,
    sha256,
    previous: record.previous ?? null,
    retrieved: record.retrieved ?? null,
  })
  const file = relative(context.root, written)
  if (previous !== undefined) {
    const message = createMessage('report-changed', { file: url, severity: 'warning' }, { file, previous: relative(context.root, previous.file) })
    return { status: 'changed', url, file: written, message }
  }
  const via = chosen.pageUrl === undefined ? null : fetched.url
  return { status: 'added', url, file: written, message: createMessage('report-added', { file: url, severity: 'warning' }, { file, via }) }
}

/** A fetched body read as a report, or why not; `html` is the page's text when it is a page that might hold attachments. */
interface Candidate {
  fetched: Fetched
  report: Report | null
  extension: string
  html: string | null
  pageUrl: string | undefined
  messages: Message[]
}

/** Sniff, refuse what cannot be read, and parse the rest as the build would. */
async function readCandidate(fetched: Fetched, pageUrl: string | undefined): Promise<Candidate> {
  const base = { fetched, report: null, extension: '', html: null, pageUrl, messages: [] as Message[] }
  const where = { file: fetched.url, severity: 'error' as const }
  const sniffed = sniffDocument(fetched.bytes, fetched.contentType, fetched.finalUrl)
  if (sniffed.kind === 'unsupported') return { ...base, messages: [createMessage('unsupported-format', where, { what: sniffed.what })] }
  if (!('extension' in sniffed)) return { ...base, messages: [createMessage('legacy-word', where, { format: sniffed.kind })] }
  const html = sniffed.kind === 'html' ? (decodeFetchedBytes(fetched.bytes, fetched.contentType)?.text ?? null) : null
  const sidecar = formatSidecar(fetched.url, { ...(pageUrl === undefined ? {} : { pageUrl }), ...(fetched.contentType === null ? {} : { contentType: fetched.contentType }) })
  const parsed = await parseFetched(fetched.bytes, sniffed.extension, sidecar, fetched.url)
  return { ...base, report: parsed.value, extension: sniffed.extension, html, messages: parsed.messages }
}

/** The report text of a kept original, read and parsed as the build reads it; null when it no longer parses. */
async function readStoredText(file: string, root: string): Promise<string | null> {
  const read = await readReport(file, { root })
  const parsed = read.value === null ? null : parseReport(read.value).value
  return parsed === null ? null : reportText(parsed)
}

/** `reports/<year>/<id>.<ext>` once the parse knows the year and agency, else `reports/unsorted/<host>-<hash>.<ext>`. */
function placeOf(root: string, report: Report, fetched: Fetched, sha256: string, extension: string): string {
  if (report.year !== null && report.agency.name !== null) return path.join(root, String(report.year), `${report.id}${extension}`)
  const host = new URL(fetched.finalUrl).hostname.replace(/[^a-z0-9.-]/gi, '-')
  return path.join(root, 'unsorted', `${host}-${sha256.slice(0, 8)}${extension}`)
}

/** The name of the version after `file`: `x.html` → `x.v2.EXT`, `x.v2.pdf` → `x.v3.EXT`. */
function nextVersionOf(file: string, extension: string): string {
  const stem = file.slice(0, file.length - path.extname(file).length)
  const match = /^(.*)\.v(\d+)$/.exec(stem)
  return match === null ? `${stem}.v2${extension}` : `${match[1] ?? ''}.v${Number(match[2]) + 1}${extension}`
}

/** The first error of a failed step, or a `not-a-report` when it gave none. */
function firstError(messages: readonly Message[], url: string): Message {
  return messages.find((message) => message.severity === 'error') ?? createMessage('not-a-report', { file: url, severity: 'error' }, {})
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}
