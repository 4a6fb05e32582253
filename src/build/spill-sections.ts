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

/** A parse cache entry whose sections are read (`read`) each time they are asked for. */
type FromEntry = { file: string; read: (file: string) => readonly unknown[] }

/** Where an object's sections are: an entry, or the sections set since. */
type SectionsAt = FromEntry | readonly unknown[]

function isFromEntry(at: SectionsAt | undefined): at is FromEntry {
  return at !== undefined && !Array.isArray(at)
}

/** An object's `SectionsAt`, under a key of its own. */
const sectionsAt = Symbol('sections at')

type WithSectionsAt = { [sectionsAt]: SectionsAt }

/**
 * The accessor every such object shares: one getter and setter for all, so that V8 keeps the objects in fast mode,
 * of a few shared hidden classes. A getter put on each report's own `sections` (a data property until then) turned
 * every report to dictionary mode and gave it a closure of its own (~1.2 KB a report, ~0.1 GB at 100,000).
 */
const sectionsFromEntry: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithSectionsAt): readonly unknown[] {
    const at = this[sectionsAt]
    return isFromEntry(at) ? at.read(at.file) : at
  },
  set(this: WithSectionsAt, sections: readonly unknown[]) {
    this[sectionsAt] = sections
  },
}

/**
 * A copy of `object` (the same properties in the same order) whose `sections` is read from the parse cache entry
 * `file` by `read` each time it is asked for, until it is set. `read` should be one function for many objects.
 */
export function readingSections<T extends { sections: readonly unknown[] }>(object: T, file: string, read: (file: string) => T['sections']): T {
  const copy: Record<string | symbol, unknown> = {}
  // The key first, as `lazyProperties` does: the copies' hidden classes branch from other objects' before the getter.
  Object.defineProperty(copy, sectionsAt, { value: { file, read } satisfies FromEntry, writable: true })
  for (const [key, value] of Object.entries(object)) {
    if (key === 'sections') Object.defineProperty(copy, key, sectionsFromEntry)
    else copy[key] = value
  }
  return copy as T
}

/** The parse cache entry an object made by `readingSections` reads its sections from; undefined for any other, or once set. */
export function spilledFrom(object: object): string | undefined {
  const at = (object as Partial<WithSectionsAt>)[sectionsAt]
  return isFromEntry(at) ? at.file : undefined
}

/**
 * Let go of the reports' sections where their parse cache entry holds them: each such report is replaced, in
 * `reports`, by a copy (the same properties in the same order) whose `sections` reads the entry again
 * (`readCachedParse`) each time it is asked for, the last few kept. A large build lets go of them before it hands
 * the reports to the reuse worker, which reads the same entries (`spilledFrom`; src/build/build-site.ts), and asks
 * for a report's a few times more (the index plan, the compose, its part of the analysis, the page, the search
 * record, the open data); at 100,000 reports the sections are ~1.5 GB that the build thread otherwise held through
 * the analysis. An entry gone meanwhile (another build removed this parser version's folder) is an error naming
 * it. `onSpilled` is told each copy with the report it replaces, whose sections are still there (to keep what is
 * asked of them often). Returns how many reports let go of theirs.
 */
export function spillSections(reports: Report[], stored: StoredSections, onSpilled?: (copy: Report, original: Report) => void): number {
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
  for (const [index, report] of reports.entries()) {
    const file = stored.get(report.sections)
    if (file === undefined) continue
    const copy = readingSections(report, file, readBack)
    onSpilled?.(copy, report)
    reports[index] = copy
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
