import { escapeXml } from './escape-xml.ts'
import { byPublishedDesc, type ReportView } from '../site/index.ts'

/**
 * An Atom feed of the newest 50 reports: those that state a publication date, newest first, then those that state
 * none. `base` is the absolute site URL ending in `/`.
 *
 * A report without a date gets no `<published>`; Atom requires an `<updated>`, so it carries the feed's own (the
 * newest date in the archive) rather than an invented date of its own, and its summary says the date is not stated.
 */
export function toAtom(reports: readonly ReportView[], base: string, name: string): string {
  const listed = [...reports].sort(byPublishedDesc).slice(0, 50)
  const newest = reports.reduce<string | null>((latest, report) => (report.published !== null && (latest === null || report.published > latest) ? report.published : latest), null)
  const updated = newest ?? '1970-01-01'
  const entries = listed.map((report) =>
    [
      '  <entry>',
      `    <title>${escapeXml(report.title)}</title>`,
      `    <id>${escapeXml(report.absoluteUrl)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(report.absoluteUrl)}"/>`,
      ...(report.published ? [`    <published>${report.published}T00:00:00Z</published>`] : []),
      `    <updated>${report.published ?? updated}T00:00:00Z</updated>`,
      `    <author><name>${escapeXml(report.agencyName)}</name></author>`,
      `    <summary>${escapeXml(`${report.agencyName}${report.year ? ` ${report.year}年` : ''}法治政府建设年度报告${report.published ? '' : '（原文未注明发布日期）'}`)}</summary>`,
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
