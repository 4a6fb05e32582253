import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createMessage } from '../messages.ts'
import { isMissingFile } from '../system-error.ts'
import type { Message } from '../types.ts'
import type { PublishedAnchors } from './keep-anchors.ts'

/**
 * What the archive has published, kept in `reports/permalinks.json` beside the reports: the build reads it so every URL
 * it once gave out keeps meaning the same report, and updates it when a report, id or region page is new.
 */
export interface PermalinkRegistry {
  /** One entry per report ever published, sorted by id. */
  reports: RegisteredReport[]
  /** Region path (names joined with `/`) → its URL segment, e.g. `陕西省` → `shaanxisheng`. */
  regions: Record<string, string>
}

/** One published report. */
export interface RegisteredReport {
  /** The id it is published under now. */
  id: string
  /** The id the report asked for (its sidecar `id`, else the inferred one); when that changes, so does `id`. */
  wanted: string
  /** Source path relative to the reports folder, `/`-separated. */
  file: string
  /** SHA-256 of the source bytes: finds the report again after its file is renamed or moved. */
  sha256: string
  /** Ids it was published under before, oldest first; each still answers with a redirect. */
  formerIds: string[]
  /** True once the source file is gone: its URLs answer with a "removed" page and are never given to another report. */
  removed?: boolean
  /** Section and paragraph anchors its page has published, with fingerprints of their text (see `keepAnchors`). */
  anchors?: PublishedAnchors
}

/** The registry file's name inside the reports folder. */
export const registryFile = 'permalinks.json'

/** An empty registry: what a first build starts from. */
export function emptyRegistry(): PermalinkRegistry {
  return { reports: [], regions: {} }
}

/**
 * Read `permalinks.json` from the reports folder. A missing file is an empty registry; an unreadable one is an error and
 * `writable: false`, so the build never overwrites what a maintainer may still repair.
 */
export async function readPermalinkRegistry(reportsDir: string): Promise<{ value: PermalinkRegistry; writable: boolean; messages: Message[] }> {
  const file = path.join(reportsDir, registryFile)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (isMissingFile(error)) return { value: emptyRegistry(), writable: true, messages: [] }
    return broken(String(error))
  }
  try {
    const data: unknown = JSON.parse(text)
    const registry = toRegistry(data)
    return registry ? { value: registry, writable: true, messages: [] } : broken('结构不符')
  } catch (error) {
    return broken(error instanceof Error ? error.message : String(error))
  }
}

/** Write the registry when its text changed (atomically); returns whether it wrote. */
export async function writePermalinkRegistry(reportsDir: string, registry: PermalinkRegistry): Promise<boolean> {
  const file = path.join(reportsDir, registryFile)
  const text = serialiseRegistry(registry)
  const before = await readFile(file, 'utf8').catch(() => null)
  if (before === text) return false
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, file)
  return true
}

/** The registry as stable JSON: one report per line, sorted, so a commit shows exactly what changed. */
export function serialiseRegistry(registry: PermalinkRegistry): string {
  const reports = [...registry.reports].sort((a, b) => compareText(a.id, b.id))
  const regions = Object.keys(registry.regions).sort(compareText)
  const lines = [
    '{',
    '  "about": "永久链接登记表：构建时自动更新，请随报告一起提交。Permalinks the archive has published; the build updates it, commit it with the reports.",',
    '  "reports": [',
    reports.map((entry) => `    ${JSON.stringify(orderEntry(entry))}`).join(',\n'),
    '  ],',
    '  "regions": {',
    regions.map((key) => `    ${JSON.stringify(key)}: ${JSON.stringify(registry.regions[key])}`).join(',\n'),
    '  }',
    '}',
    '',
  ]
  return lines.filter((line, index) => line !== '' || index === lines.length - 1).join('\n')
}

function orderEntry(entry: RegisteredReport): RegisteredReport {
  return {
    id: entry.id,
    wanted: entry.wanted,
    file: entry.file,
    sha256: entry.sha256,
    formerIds: entry.formerIds,
    ...(entry.removed ? { removed: true } : {}),
    ...(entry.anchors ? { anchors: entry.anchors } : {}),
  }
}

function toRegistry(data: unknown): PermalinkRegistry | null {
  if (!isRecord(data) || !Array.isArray(data['reports'])) return null
  const reports: RegisteredReport[] = []
  for (const item of data['reports']) {
    if (!isRecord(item)) return null
    const { id, wanted, file, sha256, formerIds, removed, anchors } = item
    if (typeof id !== 'string' || typeof file !== 'string' || typeof sha256 !== 'string') return null
    const former = Array.isArray(formerIds) ? formerIds.filter((value): value is string => typeof value === 'string') : []
    reports.push({
      id,
      wanted: typeof wanted === 'string' ? wanted : id,
      file,
      sha256,
      formerIds: former,
      ...(removed === true ? { removed: true } : {}),
      ...(isRecord(anchors) ? { anchors: toAnchors(anchors) } : {}),
    })
  }
  const regions: Record<string, string> = {}
  if (isRecord(data['regions'])) {
    for (const [key, value] of Object.entries(data['regions'])) if (typeof value === 'string') regions[key] = value
  }
  return { reports, regions }
}

function toAnchors(record: Record<string, unknown>): PublishedAnchors {
  const anchors: PublishedAnchors = {}
  for (const [anchor, fingerprint] of Object.entries(record)) if (typeof fingerprint === 'string') anchors[anchor] = fingerprint
  return anchors
}

function broken(detail: string): { value: PermalinkRegistry; writable: boolean; messages: Message[] } {
  return {
    value: emptyRegistry(),
    writable: false,
    messages: [createMessage('invalid-registry', { file: registryFile, severity: 'error' }, { detail })],
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
