import type { PartPage, ReportView, YearView } from './view-types.ts'

/** A year's reports in its page's order: by province, then level. */
export function reportsOfYear(year: Pick<YearView, 'groups'>): ReportView[] {
  return year.groups.flatMap((group) => group.levels.flatMap((level) => level.reports))
}

/** The reports one of its part pages shows, from the year's in order (`reportsOfYear`). */
export function reportsOfPage(reports: readonly ReportView[], page: PartPage): ReportView[] {
  return reports.slice(page.first - 1, page.last)
}
