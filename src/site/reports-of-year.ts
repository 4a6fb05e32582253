import type { ReportView, YearView } from './view-types.ts'

/** A year's reports in its page's order: by province, then level. */
export function reportsOfYear(year: Pick<YearView, 'groups'>): ReportView[] {
  return year.groups.flatMap((group) => group.levels.flatMap((level) => level.reports))
}
