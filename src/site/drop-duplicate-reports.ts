import { createHash } from 'node:crypto'
import { createMessage } from '../messages.ts'
import type { Message, Report, Section } from '../types.ts'

/**
 * Publish the same report once: reports whose body text is identical (a GBK and a UTF-8 copy, a .txt and a saved page)
 * are duplicates. The copy already published (`published(file)`, from the permalink registry) is kept, else the first
 * by source path, so a copy added later never takes over a URL; each other copy is dropped with a `duplicate-report`
 * warning naming both files. `bodyKeyOf` is `bodyKey` of the report's sections (a build has it from the parse cache).
 */
export function dropDuplicateReports(
  reports: readonly Report[],
  published: (file: string) => boolean = () => false,
  bodyKeyOf: (report: Report) => string = (report) => bodyKey(report.sections),
): { reports: Report[]; messages: Message[] } {
  const rank = (report: Report): number => (published(report.source.file) ? 0 : 1)
  const sorted = [...reports].sort((a, b) => rank(a) - rank(b) || (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0))
  const firstByBody = new Map<string, Report>()
  const dropped = new Map<Report, Report>()
  for (const report of sorted) {
    const key = bodyKeyOf(report)
    const first = firstByBody.get(key)
    if (first === undefined) firstByBody.set(key, report)
    else dropped.set(report, first)
  }
  const kept: Report[] = []
  const messages: Message[] = []
  for (const report of sorted) {
    const first = dropped.get(report)
    if (first === undefined) {
      kept.push(report)
      continue
    }
    messages.push(
      createMessage('duplicate-report', { file: report.source.file, severity: 'warning' }, {
        kept: first.source.file,
        encodings: `${report.source.encoding} / ${first.source.encoding}`,
      }),
    )
  }
  return { reports: kept, messages }
}

/** A digest of the body text (headings and paragraphs, white space removed), blind to encoding and format. */
export function bodyKey(sections: readonly Section[]): string {
  const hash = createHash('sha256')
  const visit = (section: Section): void => {
    hash.update(`${section.number ?? ''}${section.heading ?? ''}\u0000${section.paragraphs.join('\u0000')}`.replace(/\s+/g, ''))
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return hash.digest('hex')
}
