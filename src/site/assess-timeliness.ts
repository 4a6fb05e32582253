import type { Report } from '../types.ts'

/** Whether a report came out by its statutory deadline. */
export interface Timeliness {
  /** `on-time`, `late`, or `unknown` when the year, level or date is missing. */
  status: 'on-time' | 'late' | 'unknown'
  /** Days past the deadline (0 unless late). */
  daysLate: number
  /** The deadline `YYYY-MM-DD`, or null when the year is unknown. */
  deadline: string | null
}

const dayMs = 86_400_000

/**
 * Compare the publication date with the statutory deadline: 1 March of the next year for departments,
 * 1 April for governments (province, city, county, township).
 */
export function assessTimeliness(report: Pick<Report, 'year' | 'published' | 'agency'>): Timeliness {
  const { year, published } = report
  const level = report.agency.level
  if (year === null || level === null) return { status: 'unknown', daysLate: 0, deadline: null }
  const deadline = `${year + 1}-${level === 'department' ? '03' : '04'}-01`
  if (published === null) return { status: 'unknown', daysLate: 0, deadline }
  const days = Math.round((Date.parse(`${published}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / dayMs)
  if (Number.isNaN(days)) return { status: 'unknown', daysLate: 0, deadline }
  return days > 0 ? { status: 'late', daysLate: days, deadline } : { status: 'on-time', daysLate: 0, deadline }
}
