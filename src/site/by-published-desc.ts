import type { ReportView } from './view-types.ts'

/** Dated reports newest first, then undated ones; ties by id. The home page's newest reports and the Atom feed use it. */
export function byPublishedDesc(a: ReportView, b: ReportView): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1
    if (b.published === null) return -1
    return a.published < b.published ? 1 : -1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
