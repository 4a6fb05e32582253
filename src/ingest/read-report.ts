import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { createMessage, formatSize, type RuleArgs, type RuleId } from '../messages.ts'
import { describeSystemError, isMissingFile } from '../system-error.ts'
import type { Message, MetaOverrides, RawReport, Result, SourceFormat } from '../types.ts'
import { decodeBytes } from './decode-bytes.ts'
import { detectBinary } from './detect-binary.ts'
import { decodeFetchedBytes } from './decode-fetched-bytes.ts'
import { detectFormat } from './detect-format.ts'
import { findDeclaredCharset } from './find-declared-charset.ts'
import { htmlToText } from './html-to-text.ts'
import { markdownToText } from './markdown-to-text.ts'
import { normaliseLineEndings } from './normalise-line-endings.ts'
import { parseMetaYaml } from './parse-meta-yaml.ts'
import { readDocument } from './read-document.ts'
import { sidecarPathsOf } from './sidecar-paths.ts'
import { splitFrontMatter } from './split-front-matter.ts'

/** Options for `readReport`. */
export interface ReadReportOptions {
  /** Reports folder: `RawReport.file` and messages name files relative to it, with `/` separators. */
  root?: string
  /** Largest file read, in bytes. Default 50 MiB. */
  maxBytes?: number
}

/** Files above this size are refused rather than read into memory. */
const defaultMaxBytes = 50 * 1024 * 1024

/**
 * Read one report file into a `RawReport`: bytes, SHA-256, encoding, format, text, and the overrides of its sidecar
 * `NAME.meta.yml` or Markdown front matter.
 *
 * Never throws for bad input: an unusable file gives `{ value: null, messages: [error] }` with ruleId `unreadable`,
 * `too-large`, `binary`, `undecodable` or `empty`; a bad metadata value is an error message and is left out.
 */
export async function readReport(file: string, options: ReadReportOptions = {}): Promise<Result<RawReport>> {
  const name = displayName(file, options.root)
  const fail = <R extends RuleId>(ruleId: R, ...params: RuleArgs<R>): Result<RawReport> => ({
    value: null,
    messages: [createMessage(ruleId, { file: name, severity: 'error' }, ...params)],
  })
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  let bytes: Uint8Array
  try {
    const stats = await stat(file)
    if (!stats.isFile()) return fail('unreadable', { detail: '不是普通文件（是文件夹或设备？），应为文本报告' })
    if (stats.size > maxBytes) return fail('too-large', { size: formatSize(stats.size), limit: formatSize(maxBytes) })
    bytes = await readFile(file)
  } catch (error) {
    return fail('unreadable', { detail: describeSystemError(error) })
  }
  if (bytes.length === 0) return fail('empty', { cause: 'zero' })
  const document = await readDocument(file, bytes, name, () => readSidecar(file, options.root))
  if (document !== null) return document
  const binary = detectBinary(bytes)
  if (binary) return fail('binary', { what: binary })
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const sniffedFormat = detectFormat(file, '')
  const sidecar = await readSidecar(file, options.root)
  // A fetched original is decoded as a browser would: the charset its server sent first (recorded by `npm run add`).
  const contentType = sidecar.value.fetched?.contentType
  const declared = sniffedFormat === 'txt' || sniffedFormat === 'html' ? findDeclaredCharset(bytes) : undefined
  const decoded = contentType === undefined ? decodeBytes(bytes, declared) : decodeFetchedBytes(bytes, contentType)
  if (!decoded) {
    return fail('undecodable', { what: 'report' })
  }
  const raw = normaliseLineEndings(decoded.text)
  if (raw.trim() === '') return fail('empty', { cause: 'blank' })
  const format = detectFormat(file, raw)
  const messages: Message[] = []
  const damaged = countReplacements(decoded.text)
  if (damaged > 0) {
    messages.push(createMessage('invalid-bytes', { file: name, line: lineOfReplacement(raw), severity: 'warning' }, { count: damaged, encoding: decoded.encoding }))
  }
  const extracted = extractText(format, raw, name)
  messages.push(...extracted.messages)
  if (extracted.text.trim() === '') {
    return { value: null, messages: [...messages, ...fail('empty', { cause: format === 'html' ? 'markup' : 'front-matter' }).messages] }
  }
  messages.push(...sidecar.messages)
  const report: RawReport = {
    file: name,
    format,
    encoding: decoded.encoding,
    sha256,
    text: extracted.text,
    overrides: { ...extracted.overrides, ...sidecar.value },
  }
  if (extracted.hints && Object.keys(extracted.hints).length > 0) report.hints = extracted.hints
  return { value: report, messages }
}

/** The text of a decoded file in its format, with front-matter overrides and HTML hints. */
function extractText(
  format: SourceFormat,
  raw: string,
  name: string,
): { text: string; overrides: MetaOverrides; messages: Message[]; hints?: RawReport['hints'] } {
  if (format === 'html') {
    const { text, hints } = htmlToText(raw)
    return { text, overrides: {}, messages: [], hints }
  }
  if (format === 'md') {
    const { yaml, body } = splitFrontMatter(raw)
    const meta = yaml === null ? { value: {}, messages: [] } : parseMetaYaml(yaml, name, 2, true)
    const hints = 'hints' in meta ? meta.hints : undefined
    return { text: markdownToText(body), overrides: meta.value, messages: meta.messages, ...(hints === undefined ? {} : { hints }) }
  }
  return { text: raw, overrides: {}, messages: [] }
}

/** Overrides from the sidecar beside `file` (`NAME.meta.yml`, else `NAME.meta.yaml`); none when neither exists. */
async function readSidecar(file: string, root: string | undefined): Promise<{ value: MetaOverrides; messages: Message[] }> {
  let sidecar = ''
  let bytes: Buffer | null = null
  let failed: unknown = null
  for (const candidate of sidecarPathsOf(file)) {
    sidecar = candidate
    try {
      bytes = await readFile(candidate)
      break
    } catch (error) {
      if (!isMissingFile(error)) {
        failed = error
        break
      }
    }
  }
  const name = displayName(sidecar, root)
  if (bytes === null) {
    if (failed === null) return { value: {}, messages: [] }
    const error = failed
    return { value: {}, messages: [createMessage('unreadable', { file: name, severity: 'error' }, { detail: `元数据文件：${describeSystemError(error)}` })] }
  }
  const decoded = decodeBytes(bytes)
  if (!decoded) {
    return { value: {}, messages: [createMessage('undecodable', { file: name, severity: 'error' }, { what: 'sidecar' })] }
  }
  return parseMetaYaml(normaliseLineEndings(decoded.text), name)
}

/** Number of U+FFFD replacement characters. */
function countReplacements(text: string): number {
  let count = 0
  for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) count++
  return count
}

/** 1-based line of the first U+FFFD. */
function lineOfReplacement(text: string): number | null {
  const index = text.indexOf('\uFFFD')
  if (index === -1) return null
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++
  return line
}

/** `file` relative to `root` with `/` separators, or as given without a root. */
function displayName(file: string, root: string | undefined): string {
  if (root === undefined) return file
  return path.relative(root, file).split(path.sep).join('/')
}
