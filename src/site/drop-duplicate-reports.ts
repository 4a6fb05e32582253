import { createHash } from 'node:crypto'
import type { Message, Report, Section } from '../types.ts'

/**
 * Publish the same report once: reports whose body text is identical (a GBK and a UTF-8 copy, a .txt and a saved page)
 * are duplicates; the first by source path is kept and each later one is dropped with a `duplicate-report` warning
 * naming both files.
 */
export function dropDuplicateReports(reports: readonly Report[]): { reports: Report[]; messages: Message[] } {
  const sorted = [...reports].sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0))
  const firstByBody = new Map<string, Report>()
  const kept: Report[] = []
  const messages: Message[] = []
  for (const report of sorted) {
    const key = bodyKey(report.sections)
    const first = firstByBody.get(key)
    if (first === undefined) {
      firstByBody.set(key, report)
      kept.push(report)
      continue
    }
    messages.push({
      file: report.source.file,
      line: null,
      reason: `与 ${first.source.file} 正文相同（同一报告的另一份副本，${report.source.encoding} / ${first.source.encoding}），只发布 ${first.source.file}`,
      ruleId: 'duplicate-report',
      severity: 'warning',
    })
  }
  return { reports: kept, messages }
}

/** A digest of the body text (headings and paragraphs, white space removed), blind to encoding and format. */
function bodyKey(sections: readonly Section[]): string {
  const hash = createHash('sha256')
  const visit = (section: Section): void => {
    hash.update(`${section.number ?? ''}${section.heading ?? ''}\u0000${section.paragraphs.join('\u0000')}`.replace(/\s+/g, ''))
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return hash.digest('hex')
}
