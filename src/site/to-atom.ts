import { escapeXml } from './escape-xml.ts'
import type { ReportView } from './view-types.ts'

/**
 * An Atom feed of the newest 50 reports that state a publication date, newest first.
 * `base` is the absolute site URL ending in `/`.
 */
export function toAtom(reports: readonly ReportView[], base: string, name: string): string {
  const dated = reports
    .filter((report): report is ReportView & { published: string } => report.published !== null)
    .sort((a, b) => (a.published === b.published ? (a.id < b.id ? -1 : 1) : a.published < b.published ? 1 : -1))
    .slice(0, 50)
  const updated = dated[0]?.published ?? '1970-01-01'
  const entries = dated.map((report) =>
    [
      '  <entry>',
      `    <title>${escapeXml(report.title)}</title>`,
      `    <id>${escapeXml(report.absoluteUrl)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(report.absoluteUrl)}"/>`,
      `    <published>${report.published}T00:00:00Z</published>`,
      `    <updated>${report.published}T00:00:00Z</updated>`,
      `    <author><name>${escapeXml(report.agencyName)}</name></author>`,
      `    <summary>${escapeXml(`${report.agencyName}${report.year ? ` ${report.year}年` : ''}法治政府建设年度报告`)}</summary>`,
      '  </entry>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(name)}</title>`,
    `  <subtitle>法治政府建设年度报告（最新 50 篇）</subtitle>`,
    `  <id>${escapeXml(base)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(base)}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
