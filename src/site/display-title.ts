import type { Report } from '../types.ts'

/**
 * The title as readers see it: a title the parser composed is put in square brackets, the cataloguers' mark for a
 * supplied title, on the page, in lists and in citations.
 *
 * @example displayTitle({ title: '天津市武清区人民政府2020年度法治政府建设情况报告', titleInferred: true }) // '[天津市武清区人民政府2020年度法治政府建设情况报告]'
 */
export function displayTitle(report: Pick<Report, 'title' | 'titleInferred'>): string {
  return report.titleInferred ? `[${report.title}]` : report.title
}
