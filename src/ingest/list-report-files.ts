import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { createMessage } from '../messages.ts'
import type { Message } from '../types.ts'
import { looksLikeMetadata, sidecarEndings, sidecarPathsOf } from './sidecar-paths.ts'

/** File endings read as reports (`.doc` and `.wps` so that they are refused by name, with a request to convert them). */
const reportPattern = /\.(?:txt|html?|md|markdown|pdf|docx|doc|wps)$/i

/** Files of the reports folder itself that the build reads (the permalink registry). */
const folderFiles = new Set(['permalinks.json'])

/** What a reports folder holds: the report files, and metadata-looking files that will not be read. */
export interface ReportFolder {
  /** Report paths, `root` joined with the relative path, sorted by posix path in code-point order. */
  reports: string[]
  /** One warning per metadata-looking file that is no report's sidecar (`unread-metadata`, `duplicate-sidecar`). */
  unread: Message[]
}

/**
 * Every report file under `root`, recursively: `.txt .html .htm .md .markdown`, without sidecars and dotfiles or
 * dot-folders, sorted by posix path relative to `root` in code-point order.
 *
 * Returned paths are `root` joined with that relative path, ready for `readReport(file, { root })`.
 */
export async function listReportFiles(root: string): Promise<string[]> {
  return (await listReportFolder(root)).reports
}

/**
 * List a reports folder: its report files, and a warning for each file that looks like metadata (`.yml`, `.yaml`,
 * `.json`, `.toml`) but is read by no report: not named `NAME.meta.yml` or `NAME.meta.yaml` after a report beside it,
 * or a `.meta.yaml` whose `.meta.yml` twin is the one read.
 */
export async function listReportFolder(root: string): Promise<ReportFolder> {
  const found: string[] = []
  await walk(root, '', found)
  found.sort(compareCodePoints)
  const reports = found.filter((file) => reportPattern.test(file) && !isSidecarName(file))
  const read = new Map<string, string>()
  const existing = new Set(found)
  for (const report of reports) {
    const first = sidecarPathsOf(report).find((candidate) => existing.has(candidate))
    for (const candidate of sidecarPathsOf(report)) if (!read.has(candidate)) read.set(candidate, first ?? candidate)
  }
  const unread: Message[] = []
  for (const file of found) {
    if (!looksLikeMetadata(file) || folderFiles.has(file)) continue
    const used = read.get(file)
    if (used === file) continue
    if (used !== undefined) {
      unread.push(createMessage('duplicate-sidecar', { file, severity: 'warning' }, { used }))
      continue
    }
    unread.push(createMessage('unread-metadata', { file, severity: 'warning' }, { expected: expectedName(file, reports) }))
  }
  return { reports: reports.map((relative) => path.join(root, ...relative.split('/'))), unread }
}

/** The sidecar name a stray metadata file was probably meant to have, when a report beside it fits. */
function expectedName(file: string, reports: readonly string[]): string | null {
  const folder = path.posix.dirname(file)
  const base = path.posix.basename(file).replace(/(?:\.meta)?\.(?:ya?ml|json|toml)$/i, '')
  const report = reports.find((candidate) => {
    if (path.posix.dirname(candidate) !== folder) return false
    const name = path.posix.basename(candidate)
    return name === base || name.slice(0, name.length - path.posix.extname(name).length) === base
  })
  if (report === undefined) return null
  return sidecarPathsOf(report)
    .map((candidate) => path.posix.basename(candidate))
    .join(' 或 ')
}

function isSidecarName(file: string): boolean {
  return sidecarEndings.some((ending) => file.toLowerCase().endsWith(ending))
}

/** Collect file paths (posix, relative to `root`) below `relative` into `found`. */
async function walk(root: string, relative: string, found: string[]): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true })
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const child = relative ? `${relative}/${entry.name}` : entry.name
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      const target = await stat(path.join(root, child)).catch(() => null)
      // Linked folders could loop back on themselves, so only linked files are followed.
      isFile = target?.isFile() ?? false
      isDirectory = false
    }
    if (isDirectory) await walk(root, child, found)
    else if (isFile && (reportPattern.test(entry.name) || looksLikeMetadata(entry.name))) found.push(child)
  }
}

/**
 * Order two strings by Unicode code point (not UTF-16 code unit, which misplaces characters beyond U+FFFF).
 *
 * @example
 *   ['b', 'a'].sort(compareCodePoints) // → ['a', 'b']
 */
function compareCodePoints(left: string, right: string): number {
  const a = left[Symbol.iterator]()
  const b = right[Symbol.iterator]()
  for (;;) {
    const x = a.next()
    const y = b.next()
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0)
    if (difference !== 0) return difference
  }
}
