import type { Report } from '../types.ts'

/** The text a publication deadline comes from. */
export interface DeadlineRule {
  /** Stable id: `supervision-2019-art24` or `outline-2015-q1`. */
  id: string
  /** The rule in words, with its source, as the page states it. */
  text: string
}

/** Whether a report came out by its publication deadline, and by which rule. */
export interface Timeliness {
  /** `on-time`, `late`, or `unknown` when the year, level, date or an applicable rule is missing. */
  status: 'on-time' | 'late' | 'unknown'
  /** Days after the deadline (≤ 0 on time), or null when there is no publication date or no deadline. */
  daysLate: number | null
  /** The last day to publish `YYYY-MM-DD`, or null when no rule applies. */
  deadline: string | null
  /** The rule that set the deadline, or null when none applies. */
  rule: DeadlineRule | null
}

/** 厅字〔2019〕28号 art. 24, in force 2019-04-15: reports on 2019 and later are published before 1 April. */
export const supervisionRule: DeadlineRule = {
  id: 'supervision-2019-art24',
  text: '《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号，2019年4月15日起施行）第二十四条：县级以上地方各级政府及其部门每年4月1日之前通过报刊、网站等新闻媒体向社会公开上一年度法治政府建设情况报告（3月1日是向上级报告的期限，不是公开的期限）',
}

/** The 2015 outline asks for the report in the first quarter and its publication, with no day: 31 March is used. */
export const outlineRule: DeadlineRule = {
  id: 'outline-2015-q1',
  text: '《法治政府建设实施纲要（2015—2020年）》：每年第一季度报告上一年度法治政府建设情况并向社会公开，未规定具体日期，按第一季度末3月31日计',
}

const dayMs = 86_400_000

/**
 * Compare the publication date with the deadline of the rule that applies to the year reported on: reports on 2019 and
 * later under 厅字〔2019〕28号 art. 24 (before 1 April), reports on 2015–2018 under the 2015 outline (first quarter, 31
 * March). Both cover governments and departments at county level and above, central bodies included; townships and
 * earlier years have no deadline.
 */
export function assessTimeliness(report: Pick<Report, 'year' | 'published' | 'agency'>): Timeliness {
  const { year, published } = report
  const level = report.agency.level
  const rule = year === null || year < 2015 ? null : year >= 2019 ? supervisionRule : outlineRule
  if (year === null || rule === null || level === null || level === 'township') {
    return { status: 'unknown', daysLate: null, deadline: null, rule: null }
  }
  const deadline = `${year + 1}-03-31`
  if (published === null) return { status: 'unknown', daysLate: null, deadline, rule }
  const days = Math.round((Date.parse(`${published}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / dayMs)
  if (Number.isNaN(days)) return { status: 'unknown', daysLate: null, deadline, rule }
  return { status: days > 0 ? 'late' : 'on-time', daysLate: days, deadline, rule }
}
