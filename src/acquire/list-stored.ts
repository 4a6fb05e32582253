import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { sidecarEndings } from '../ingest/index.ts'

/** An original that `npm run add` kept: its file, and what its sidecar says about where it came from. */
export interface StoredOriginal {
  /** Path of the original (joined to the reports folder). */
  file: string
  /** Its sidecar. */
  sidecar: string
  /** The address the original was fetched from (`url`). */
  url: string
  /** The address that was asked for: the page for an attachment (`pageUrl`), else `url`. */
  asked: string
  /** SHA-256 of the bytes, from the sidecar. */
  sha256: string | null
  /** File name of the version this one replaced (`previous`), or null for the first. */
  previous: string | null
  /** When it was fetched. */
  retrieved: string | null
}

/**
 * Every original under `root` whose sidecar records a `url`, found by walking the folder (dot-folders skipped).
 * A sidecar whose report file is missing is left out.
 */
export async function listStored(root: string): Promise<StoredOriginal[]> {
  const stored: StoredOriginal[] = []
  await walk(root, stored)
  return stored.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** The latest version of each original asked for by `asked` (a version no later one names as `previous`). */
export function latestVersions(stored: readonly StoredOriginal[], asked: string): StoredOriginal[] {
  const chain = stored.filter((entry) => entry.asked === asked)
  const replaced = new Set(chain.map((entry) => entry.previous === null ? '' : path.join(path.dirname(entry.file), entry.previous)))
  return chain.filter((entry) => !replaced.has(entry.file))
}

async function walk(folder: string, stored: StoredOriginal[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name)
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) await walk(path.join(folder, entry.name), stored)
  }
  for (const name of names) {
    const ending = sidecarEndings.find((candidate) => name.endsWith(candidate))
    if (ending === undefined) continue
    const stem = name.slice(0, name.length - ending.length)
    const report = names.find((candidate) => candidate !== name && !sidecarEndings.some((e) => candidate.endsWith(e)) && candidate.slice(0, candidate.length - path.extname(candidate).length) === stem)
    if (report === undefined) continue
    let data: unknown
    try {
      data = parse(await readFile(path.join(folder, name), 'utf8'))
    } catch {
      continue
    }
    if (typeof data !== 'object' || data === null) continue
    const record = data as Record<string, unknown>
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null)
    const url = text('url')
    if (url === null) continue
    stored.push({
      file: path.join(folder, report),
      sidecar: path.join(folder, name),
      url,
      asked: text('pageUrl') ?? url,
      sha256: text('sha256'),
      previous: text('previous'),
      retrieved: text('retrieved'),
    })
  }
}
