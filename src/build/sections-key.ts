import { createHash } from 'node:crypto'
import type { Report } from '../types.ts'

/**
 * A digest of a report's sections, computed once a build: it keys the analysis's kept parts (the only field they
 * read) and stands for the sections in the report page's digest.
 */
export function sectionsKey(report: Report): string {
  return createHash('sha256').update(JSON.stringify(report.sections)).digest('hex').slice(0, 32)
}
