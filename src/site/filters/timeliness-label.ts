import type { Timeliness } from '../assess-timeliness.ts'

/**
 * Say whether a report was on time: 按时, 逾期 N 天 or 未知.
 * @example timelinessLabel({ status: 'late', daysLate: 3, deadline: '2023-03-31', rule: null }) // '逾期 3 天'
 */
export function timelinessLabel(timeliness?: Timeliness | null): string {
  if (!timeliness) return '未知'
  if (timeliness.status === 'on-time') return '按时'
  if (timeliness.status === 'late') return `逾期 ${timeliness.daysLate ?? 0} 天`
  return '未知'
}
