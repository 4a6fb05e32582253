import path from 'node:path'
import { reportText } from '../parse/index.ts'
import type { Report, SourceVersion } from '../types.ts'

/**
 * Publish only the latest version of an original that changed after it was first kept: a report whose sidecar names
 * a `previous` file replaces that file's report, and carries the earlier versions (oldest first, with their text for
 * the diff page) in `source.versions`. Reports keep their order.
 */
export function keepLatestVersions(reports: readonly Report[]): Report[] {
  const byFile = new Map(reports.map((report) => [report.source.file, report]))
  const previousOf = (report: Report): Report | undefined => {
    const previous = report.source.fetched?.previous
    return previous === undefined ? undefined : byFile.get(path.posix.join(path.posix.dirname(report.source.file), previous))
  }
  const replaced = new Set<Report>()
  for (const report of reports) {
    const previous = previousOf(report)
    if (previous !== undefined && previous !== report) replaced.add(previous)
  }
  return reports
    .filter((report) => !replaced.has(report))
    .map((report) => {
      const versions: SourceVersion[] = []
      const seen = new Set<Report>([report])
      for (let earlier = previousOf(report); earlier !== undefined && !seen.has(earlier); earlier = previousOf(earlier)) {
        seen.add(earlier)
        versions.unshift({ file: earlier.source.file, sha256: earlier.source.sha256, retrieved: earlier.source.fetched?.retrieved ?? null, text: textOf(earlier) })
      }
      return versions.length === 0 ? report : { ...report, source: { ...report.source, versions } }
    })
}

/** A report's text as the reader sees it, one heading or paragraph a line, for comparing versions. */
export const textOf = reportText
