import type { Report, Section } from '../types.ts'

/**
 * A report's text as the reader sees it: the title, then each heading (with its number) and paragraph, one a line.
 * Two fetches of one page whose report text is the same are the same report, whatever else on the page changed.
 */
export function reportText(report: Pick<Report, 'title' | 'sections'>): string {
  const lines: string[] = [report.title]
  const walk = (section: Section) => {
    if (section.number !== null || section.heading !== null) lines.push(`${section.number ?? ''}${section.heading ?? ''}`)
    lines.push(...section.paragraphs)
    section.children.forEach(walk)
  }
  report.sections.forEach(walk)
  return lines.join('\n')
}
