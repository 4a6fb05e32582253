import { createHash } from 'node:crypto'
import type { Report } from '../types.ts'

/**
 * A digest of a report's sections, computed once a build: it keys the analysis's kept parts (the only field they
 * read) and stands for the sections in the report page's digest.
 */
export function sectionsKey(report: Report): string {
  return createHash('sha256').update(JSON.stringify(report.sections)).digest('hex').slice(0, 32)
}

/** `sectionsKey`, each report's made once, when first asked (by id): the analysis and the page digests share it. */
export function memoSectionsKey(): (report: Report) => string {
  const keys = new Map<string, string>()
  return (report) => {
    const known = keys.get(report.id)
    if (known !== undefined) return known
    const key = sectionsKey(report)
    keys.set(report.id, key)
    return key
  }
}
