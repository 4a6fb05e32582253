import { readCachedParse } from './parse-cache.ts'
import { createMessage, formatMessage } from '../messages.ts'
import type { Report, Section } from '../types.ts'

/**
 * The parse cache entry each report's sections were loaded from, by the sections array: sections replaced since
 * (anchors kept from the registry) are not found, so only sections equal to their entry's are ever read back.
 */
export type StoredSections = WeakMap<readonly Section[], string>

/** Sections read back lately: a page, its index record and its open data read one report's in turn. */
const recentlyRead = 16

/**
 * Let go of the reports' sections where their parse cache entry holds them: `sections` becomes a getter that reads
 * the entry again (`readCachedParse`) each time it is asked for, the last few kept. A large build lets go of them
 * once it has handed the reports to the reuse worker, which reads the same entries (src/build/build-site.ts), and
 * asks for a report's a few times more (the index plan, the compose, its part of the analysis, the page, the search
 * record, the open data); at 100,000 reports the sections are ~1.5 GB that the build thread otherwise held through
 * the analysis. An entry gone meanwhile (another build removed this parser version's folder) is an error naming
 * it. Returns how many reports let go of theirs.
 */
export function spillSections(reports: readonly Report[], stored: StoredSections): number {
  const recent = new Map<string, Section[]>()
  const readBack = (file: string): Section[] => {
    const held = recent.get(file)
    if (held) return held
    const sections = readStoredSections(file)
    if (recent.size >= recentlyRead) recent.delete(recent.keys().next().value ?? '')
    recent.set(file, sections)
    return sections
  }
  let spilled = 0
  for (const report of reports) {
    const file = stored.get(report.sections)
    if (file === undefined) continue
    Object.defineProperty(report, 'sections', { enumerable: true, configurable: true, get: () => readBack(file) })
    spilled++
  }
  return spilled
}

/** The sections a parse cache entry holds; an entry gone or unreadable is an error naming it. */
export function readStoredSections(file: string): Section[] {
  let detail = 'no report'
  try {
    const sections = readCachedParse(file).value?.sections
    if (sections) return sections
  } catch (error) {
    detail = String(error)
  }
  throw new Error(formatMessage(createMessage('parse-cache-gone', { file, severity: 'error' }, { detail })))
}
