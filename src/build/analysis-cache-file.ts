import { openSync, read } from 'node:fs'
import { promisify } from 'node:util'
import type { PartChange, ReportAnalysis } from '../analysis/index.ts'
import { closeHeld, createAppender, heldOpen, readExactly, type HeldFile } from '../files/unlinked-file.ts'
import { writeAtomicallyWith } from '../files/write-atomically.ts'

/** What the analysis cache file holds: entries of one version of the analysis code. */
export interface AnalysisCacheFile {
  version: string
  metrics: Record<string, ReportAnalysis['metrics']>
  changes: Record<string, PartChange[]>
}

/** A cache file's entries, each read from the file when asked for (once: the analysis asks for each at most once). */
export interface KeptAnalysis {
  metrics: (key: string) => ReportAnalysis['metrics'] | undefined
  changes: (key: string) => PartChange[] | undefined
  /** Close the file: the analysis has asked for all it reads. */
  close: () => void
}

/**
 * Write atomically (temporary file, then rename): a build stopped half-way leaves the old file or the new. The file
 * is JSON, `cache` as `JSON.stringify` gives it with a line break before each entry (the comma between entries
 * starting its line) and before each closing brace, so that a reader finds an entry by its line
 * (`readKeptAnalysis`). Written an entry at a time (`createAppender`): made whole, its text (~47 MB at 30,000
 * reports) was held until the write ended, in the render's first seconds.
 */
export async function writeAnalysisCache(file: string, cache: AnalysisCacheFile): Promise<void> {
  await writeAtomicallyWith(file, async (handle) => {
    const out = createAppender(handle.fd)
    const text = (piece: string): void => void out.append(Buffer.from(piece, 'utf8'))
    const entries = (record: Record<string, unknown>): void => {
      let first = true
      for (const key in record) {
        text(`\n${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(record[key])}`)
        first = false
      }
    }
    text(headerOf(cache.version))
    entries(cache.metrics)
    text(`\n${between}`)
    entries(cache.changes)
    text('\n}}')
    out.flush()
  })
}

/** The first line of a cache file of `version`. */
function headerOf(version: string): string {
  return `{"version":${JSON.stringify(version)},"metrics":{`
}

/** The line between the metrics and the changes. */
const between = '},"changes":{'

/** Bytes read at a time while the entries are found. */
const readPiece = 4 * 2 ** 20

/** A line's first bytes that are looked at: its key, or the whole of a short line. */
const lineHead = 1024

/** Where an entry's value is in the file: its byte offset and length (its JSON, UTF-8). */
type EntryPlace = [at: number, bytes: number]

/**
 * The entries of the cache file of `version`, found by their lines and each read when asked for: read at once and
 * parsed whole, the file (197.5 MB at 100,000 reports) was a text and every entry in the heap from the build's start
 * (it is read while the reports load) to its analysis. Nothing kept (an empty cache) when the file is missing, of
 * another version or not laid out as `writeAnalysisCache` writes it: everything is computed again.
 */
export async function readKeptAnalysis(file: string, version: string, piece = readPiece): Promise<KeptAnalysis> {
  const found = await findEntries(file, version, piece).catch(() => null)
  if (!found) return { metrics: () => undefined, changes: () => undefined, close: () => {} }
  const { held, metrics, changes } = found
  const readEntry = (place: EntryPlace | undefined): unknown => {
    if (!place || held.fd < 0) return undefined
    const bytes = readExactly(held.fd, place[0], place[1])
    return bytes ? JSON.parse(bytes.toString('utf8')) : undefined
  }
  return {
    metrics: (key) => readEntry(metrics.get(key)) as ReportAnalysis['metrics'] | undefined,
    changes: (key) => readEntry(changes.get(key)) as PartChange[] | undefined,
    close: () => closeHeld(held),
  }
}

const readAt = promisify(read)

/** The places of a cache file's entries by key, the file held open; null when its lines are not a cache's of `version`. */
async function findEntries(file: string, version: string, piece: number): Promise<{ held: HeldFile; metrics: Map<string, EntryPlace>; changes: Map<string, EntryPlace> } | null> {
  const held = heldOpen(openSync(file, 'r'))
  const found = { held, metrics: new Map<string, EntryPlace>(), changes: new Map<string, EntryPlace>() }
  // The lines in order: the header, the metrics, the line between, the changes, the end.
  let part: 'header' | 'metrics' | 'changes' | 'end' = 'header'
  let usable = true
  try {
    for await (const { head, at, length } of linesOf(held.fd, piece)) {
      const short = length <= lineHead ? head.toString('utf8') : null
      if (part === 'header' && short === headerOf(version)) part = 'metrics'
      else if (part === 'metrics' && short === between) part = 'changes'
      else if (part === 'changes' && short === '}}') part = 'end'
      else {
        const entries = part === 'metrics' || part === 'changes' ? found[part] : null
        const entry = entries ? entryOf(head, at, length) : null
        if (!entries || !entry) {
          usable = false
          break
        }
        entries.set(entry.key, entry.place)
      }
    }
  } catch {
    usable = false
  }
  if (usable && part === 'end') return found
  closeHeld(held)
  return null
}

/** Each line of the file (ended by a line break or the file's end): its byte offset, length and first `lineHead` bytes. */
async function* linesOf(fd: number, piece: number): AsyncGenerator<{ head: Buffer; at: number; length: number }> {
  const buffer = Buffer.allocUnsafe(piece)
  // The line being read: where it starts, and its first bytes.
  let at = 0
  let head: Buffer[] = []
  let headLength = 0
  const keepHead = (bytes: Buffer): void => {
    if (headLength >= lineHead) return
    const kept = Buffer.from(bytes.subarray(0, lineHead - headLength))
    head.push(kept)
    headLength += kept.length
  }
  let offset = 0
  for (;;) {
    const got = (await readAt(fd, buffer, 0, piece, offset)).bytesRead
    if (got === 0) break
    let start = 0
    for (let end = buffer.indexOf(0x0a); end !== -1 && end < got; end = buffer.indexOf(0x0a, end + 1)) {
      keepHead(buffer.subarray(start, end))
      yield { head: Buffer.concat(head, headLength), at, length: offset + end - at }
      head = []
      headLength = 0
      start = end + 1
      at = offset + start
    }
    keepHead(buffer.subarray(start, got))
    offset += got
  }
  yield { head: Buffer.concat(head, headLength), at, length: offset - at }
}

/** An entry line's key and where its value is: `"key":value`, after a comma but for the first. */
function entryOf(head: Buffer, at: number, length: number): { key: string; place: EntryPlace } | null {
  const open = head[0] === 0x2c ? 1 : 0
  if (head[open] !== 0x22) return null
  // The key's closing quote: a quote not escaped (JSON escapes are a backslash and one character, or \uXXXX).
  let close = open + 1
  while (close < head.length && head[close] !== 0x22) close += head[close] === 0x5c ? 2 : 1
  if (close >= head.length || head[close + 1] !== 0x3a) return null
  const key = JSON.parse(head.toString('utf8', open, close + 1)) as string
  return { key, place: [at + close + 2, length - close - 2] }
}
