import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Message, MetaOverrides, RawReport, Result, SourceFormat } from '../types.ts'
import { decodeBytes } from './decode-bytes.ts'
import { detectBinary } from './detect-binary.ts'
import { detectFormat } from './detect-format.ts'
import { findDeclaredCharset } from './find-declared-charset.ts'
import { htmlToText } from './html-to-text.ts'
import { markdownToText } from './markdown-to-text.ts'
import { normaliseText } from './normalise-text.ts'
import { parseMetaYaml } from './parse-meta-yaml.ts'
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
  const fail = (ruleId: string, reason: string): Result<RawReport> => ({
    value: null,
    messages: [{ file: name, line: null, reason, ruleId, severity: 'error' }],
  })
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  let bytes: Uint8Array
  try {
    const stats = await stat(file)
    if (!stats.isFile()) return fail('unreadable', 'is not a regular file (a folder or device?); expected a text report')
    if (stats.size > maxBytes) return fail('too-large', `is ${formatSize(stats.size)}, over the ${formatSize(maxBytes)} limit for a report`)
    bytes = await readFile(file)
  } catch (error) {
    return fail('unreadable', `cannot be read: ${describeError(error)}`)
  }
  if (bytes.length === 0) return fail('empty', 'is empty (0 bytes); expected the text of a report')
  const binary = detectBinary(bytes)
  if (binary) return fail('binary', binary)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const sniffedFormat = detectFormat(file, '')
  const declared = sniffedFormat === 'txt' || sniffedFormat === 'html' ? findDeclaredCharset(bytes) : undefined
  const decoded = decodeBytes(bytes, declared)
  if (!decoded) {
    return fail('undecodable', 'is not valid UTF-8, UTF-16 or GB18030/GBK text; re-save it as UTF-8')
  }
  const raw = normaliseText(decoded.text)
  if (raw.trim() === '') return fail('empty', 'contains only white space; expected the text of a report')
  const format = detectFormat(file, raw)
  const messages: Message[] = []
  const damaged = countReplacements(decoded.text)
  if (damaged > 0) {
    const reason = `has ${damaged} byte sequence${damaged === 1 ? '' : 's'} that are not valid ${decoded.encoding} (a truncated or damaged download?); shown as U+FFFD`
    messages.push({ file: name, line: lineOfReplacement(raw), reason, ruleId: 'invalid-bytes', severity: 'warning' })
  }
  const extracted = extractText(format, raw, name)
  messages.push(...extracted.messages)
  if (extracted.text.trim() === '') {
    return { value: null, messages: [...messages, ...fail('empty', `has no text outside its ${format === 'html' ? 'HTML markup' : 'front matter'}; expected the text of a report`).messages] }
  }
  const sidecar = await readSidecar(file, options.root)
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
      if (!isMissing(error)) {
        failed = error
        break
      }
    }
  }
  const name = displayName(sidecar, root)
  if (bytes === null) {
    if (failed === null) return { value: {}, messages: [] }
    const error = failed
    return { value: {}, messages: [{ file: name, line: null, reason: `sidecar cannot be read: ${describeError(error)}`, ruleId: 'unreadable', severity: 'error' }] }
  }
  const decoded = decodeBytes(bytes)
  if (!decoded) {
    return { value: {}, messages: [{ file: name, line: null, reason: 'sidecar is not UTF-8 or GBK text; re-save it as UTF-8', ruleId: 'undecodable', severity: 'error' }] }
  }
  return parseMetaYaml(normaliseText(decoded.text), name)
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

/** True for "no such file" errors. */
function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')
}

/** A file-system error in words, e.g. `no such file (ENOENT)`. */
function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a parent is not a folder',
    EMFILE: 'too many open files',
  }
  const text = words[code] ?? (error instanceof Error ? error.message : String(error))
  return code ? `${text} (${code})` : text
}

/** Bytes in words, e.g. `52.4 MB`. */
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`
}
