import { createHash } from 'node:crypto'
// Straight from its module: the site's index would load Eleventy into every parse worker.
import { bodyKey } from '../site/drop-duplicate-reports.ts'
import type { Report, Section } from '../types.ts'

/**
 * A parsed report's digests that builds ask for every report: `sectionsKey` and the duplicate check's `bodyKey`.
 * Made when the report is parsed (in the parse worker) and kept with it in the parse cache: a rebuild that made them
 * for every report spent ~1 s of its thread on them at 10,000 reports.
 */
export interface SectionsDigests {
  sections: string
  body: string
}

export function digestSections(report: Report): SectionsDigests {
  return { sections: sectionsKey(report), body: bodyKey(report.sections) }
}

/** Digests made at parse time, by the sections they were made of: sections changed since (kept anchors) are not found. */
export type KnownDigests = WeakMap<readonly Section[], SectionsDigests>

/**
 * A digest of a report's sections, computed once a build: it keys the analysis's kept parts (the only field they
 * read) and stands for the sections in the report page's digest.
 */
export function sectionsKey(report: Report): string {
  return createHash('sha256').update(JSON.stringify(report.sections)).digest('hex').slice(0, 32)
}

/** `bodyKey` of a report's sections, taken from `known` when it has them. */
export function knownBodyKey(known?: KnownDigests): (report: Report) => string {
  return (report) => known?.get(report.sections)?.body ?? bodyKey(report.sections)
}

/**
 * `sectionsKey`, each report's made once, when first asked (by id), or taken from `known`: the analysis and the page
 * digests share it.
 */
export function memoSectionsKey(known?: KnownDigests): (report: Report) => string {
  const keys = new Map<string, string>()
  return (report) => {
    const kept = keys.get(report.id)
    if (kept !== undefined) return kept
    const key = known?.get(report.sections)?.sections ?? sectionsKey(report)
    keys.set(report.id, key)
    return key
  }
}
