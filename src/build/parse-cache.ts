import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import { sidecarPathsOf } from '../ingest/index.ts'
import type { SectionsDigests } from './sections-key.ts'
import { writeAtomically } from '../files/write-atomically.ts'
import type { Report, Result } from '../types.ts'

/** A file's parse as the cache keeps it: the result, with its report's digests (absent in entries from before them). */
export type CachedParse = Result<Report> & { digests?: SectionsDigests }

/** Parsed reports on disk, keyed by what the parse depends on. */
export interface ParseCache {
  /** Folder of this parser version's entries. */
  dir: string
  /** The parser version: a hash of the `src/ingest` and `src/parse` sources. */
  version: string
  /** Key of one report file: its path, its bytes, its sidecar's bytes and the parser version. */
  keyOf: (file: string, root: string) => Promise<string>
  /** The stored result for a key, or null when absent or unreadable. */
  get: (key: string) => Promise<CachedParse | null>
  /** The file a key's entry is kept in (`readCachedParse` reads it). */
  fileOf: (key: string) => string
  /** Store a result under a key (atomically, so a killed build leaves no half entry). */
  set: (key: string, result: CachedParse) => Promise<void>
  /** Files whose bytes `keyOf` read and hashed so far; the others' keys were known by their stat (`stat-keys.json`). */
  hashed: () => number
  /** Keep the keys `keyOf` gave, by each file's stat, for the next build (`stat-keys.json`): the files seen, no others. */
  saveKeys: () => Promise<void>
}

/** Options for `openParseCache`. */
export interface ParseCacheOptions {
  /** Cache root, e.g. `.cache/parsed`; entries go in a sub-folder per parser version. */
  dir: string
  /** Parser version to use instead of hashing the sources (tests). */
  version?: string
  /**
   * How long ago a file must have last changed for its key to be kept by its stat: a file written again within the
   * clock's granularity of when it was hashed could keep its size and times. Default 2,000 ms; tests give less.
   */
  settledMs?: number
}

/** The entries' format (2: V8's serialisation; 1 was JSON), part of the version. */
const entryFormat = 2

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Open the parsed-report cache for the current parser version, removing entries of other versions,
 * so a rebuild re-parses only reports whose bytes, sidecar or parser changed. A file's key is its bytes' hash; a
 * rebuild takes it from the last build's `stat-keys.json` when the file and its sidecars have the size, times and
 * inode they had then (as git and make trust a file's stat), so it reads only the files that changed.
 */
export async function openParseCache(options: ParseCacheOptions): Promise<ParseCache> {
  const version = options.version ?? (await hashParserSources())
  const dir = path.join(options.dir, version)
  await mkdir(dir, { recursive: true })
  await removeOtherVersions(options.dir, version)
  const keysFile = path.join(dir, 'stat-keys.json')
  const known = await readStatKeys(keysFile)
  const seen = new Map<string, [stat: string, key: string]>()
  const settledMs = options.settledMs ?? 2000
  let hashed = 0
  return {
    dir,
    version,
    keyOf: async (file, root) => {
      const name = relativeName(file, root)
      const stat = statOf(file)
      const held = known.get(name)
      if (stat && held && held[0] === stat.signature) {
        seen.set(name, held)
        return held[1]
      }
      hashed++
      const key = await keyOf(file, root, version)
      // A file that changed just now is hashed again next time: a write within the same clock tick keeps its times.
      if (stat && stat.changedMs < Date.now() - settledMs) seen.set(name, [stat.signature, key])
      return key
    },
    hashed: () => hashed,
    saveKeys: () => writeAtomically(keysFile, JSON.stringify(Object.fromEntries(seen))),
    get: async (key) => {
      try {
        return readCachedParse(entryPath(dir, key))
      } catch {
        return null
      }
    },
    fileOf: (key) => entryPath(dir, key),
    set: async (key, result) => {
      const target = entryPath(dir, key)
      await mkdir(path.dirname(target), { recursive: true })
      const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
      await writeFile(temporary, serialize(result))
      await rename(temporary, target)
    },
  }
}

/**
 * Read one entry. At once, not through the thread pool: a rebuild reads every entry, and each small read costs far
 * more CPU as an open–stat–read–close round of promises (2,000 entries: 1.8 s of CPU) than as one call. Kept as V8's
 * serialisation, not JSON: 10,000 entries read in ~0.7 s instead of 1.0–1.7 s (the UTF-8 decoding of the JSON text
 * alone took ~1.2 s). Throws when the file is missing or unreadable.
 */
export function readCachedParse(file: string): CachedParse {
  return deserialize(readFileSync(file)) as CachedParse
}

/** Hash every source file the cached results depend on (`src/ingest`, `src/parse`, `src/types.ts`, `src/messages.ts`, `src/vocabulary.ts`, `src/system-error.ts`, and what makes the digests), in a stable order. */
export async function hashParserSources(root: string = srcDir): Promise<string> {
  const hash = createHash('sha256')
  // messages.ts words every parser message, so new wording must not come back from the cache in the old one;
  // vocabulary.ts says which words name a level in a sidecar; system-error.ts words a file that cannot be read; the
  // digests kept with each report are made by build/sections-key.ts and site/drop-duplicate-reports.ts.
  const files: string[] = ['types.ts', 'messages.ts', 'vocabulary.ts', 'system-error.ts', 'build/sections-key.ts', 'site/drop-duplicate-reports.ts']
  for (const folder of ['ingest', 'parse']) {
    const entries = await readdir(path.join(root, folder), { recursive: true }).catch(() => [] as string[])
    files.push(...entries.filter((entry) => /\.(ts|js|mjs|json)$/.test(entry)).map((entry) => path.join(folder, entry)))
  }
  // The entries' format: entries of another are of another version.
  hash.update(`entry-format ${entryFormat}\0`)
  for (const file of files.map((file) => file.split(path.sep).join('/')).sort()) {
    const bytes = await readFile(path.join(root, file)).catch(() => null)
    if (!bytes) continue
    hash.update(`${file}\0${bytes.length}\0`).update(bytes)
  }
  return hash.digest('hex').slice(0, 16)
}

/** The key of one file: read at once, like the entry (see `get`); a sidecar that is not there is looked up without a throw. */
async function keyOf(file: string, root: string, version: string): Promise<string> {
  const hash = createHash('sha256').update(`${version}\0${relativeName(file, root)}\0`)
  hash.update(readFileSync(file))
  for (const sidecar of sidecarPathsOf(file)) {
    const bytes = existsSync(sidecar) ? readFileSync(sidecar) : null
    if (bytes) hash.update(`\0${path.basename(sidecar)}\0`).update(bytes)
  }
  return hash.digest('hex')
}

function relativeName(file: string, root: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}

/**
 * A file's stat with its sidecars': size, modification and change times (ns), inode, each; and when the newest of
 * them last changed. A change time cannot be set back, so bytes written again with the old size and times still
 * differ. Null when the file cannot be stat'ed (its key is then never kept).
 */
function statOf(file: string): { signature: string; changedMs: number } | null {
  const parts: string[] = []
  let changedMs = 0
  for (const target of [file, ...sidecarPathsOf(file)]) {
    const info = statSync(target, { bigint: true, throwIfNoEntry: false })
    if (!info) {
      if (target === file) return null
      parts.push('-')
      continue
    }
    parts.push(`${info.size}.${info.mtimeNs}.${info.ctimeNs}.${info.ino}`)
    changedMs = Math.max(changedMs, Number(info.mtimeNs / 1_000_000n), Number(info.ctimeNs / 1_000_000n))
  }
  return { signature: parts.join(' '), changedMs }
}

/** The last build's keys by stat, by file name, or none when absent or unreadable. */
async function readStatKeys(file: string): Promise<Map<string, [string, string]>> {
  try {
    const keys = JSON.parse(await readFile(file, 'utf8')) as unknown
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return new Map()
    // Only well-formed entries: a file name is a map key, never a property looked up on an object.
    return new Map(Object.entries(keys).filter((entry): entry is [string, [string, string]] => Array.isArray(entry[1]) && entry[1].length === 2 && entry[1].every((part) => typeof part === 'string')))
  } catch {
    return new Map()
  }
}

function entryPath(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.bin`)
}

async function removeOtherVersions(root: string, version: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== version && /^[0-9a-f]{16}$/.test(entry.name)) {
      await rm(path.join(root, entry.name), { recursive: true, force: true })
    }
  }
}
