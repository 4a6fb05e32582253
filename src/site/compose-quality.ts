import { sidecarPathsOf } from '../ingest/index.ts'
import { createMessage, fieldOf, isDoubtRule, labelOf, type Field } from '../messages.ts'
import type { Message, Report } from '../types.ts'
import { reportsOfYear } from './reports-of-year.ts'
import type { QualityEntry, QualityPage, QualityView, QualityYear, ReportView, YearView } from './view-types.ts'

/** Fields the work list offers a sidecar line for, in sidecar order. */
const snippetFields: readonly Field[] = ['agency', 'region', 'level', 'year', 'published', 'title', 'id']

/**
 * The quality page's work list: every message once, grouped under the report (by title and source file) or the file
 * it is about, with a tally per rule; for each report with an unknown or doubtful field, a `NAME.meta.yml` snippet
 * that sets it. A report with no publication date, a supplied title or no level gets a finding too, though the
 * parser never warns about them (the source says nothing, which is a fact, not doubt). A list longer than `perPage`
 * gets a page per year and province instead (`/quality/2022/tianjinshi/`), as the year pages do.
 */
export function composeQuality(input: {
  reports: readonly Report[]
  views: readonly ReportView[]
  failures: readonly Message[]
  messages: readonly Message[]
  /** The year pages' data: the summary counts each year's reports; a split list follows their groups. */
  years: readonly YearView[]
  /** Reports the page lists itself at most; past it, a page per year and province. */
  perPage: number
}): QualityView {
  const views = new Map(input.views.map((view) => [view.id, view]))
  const ownerOf = new Map<string, Report>()
  for (const report of input.reports) {
    ownerOf.set(report.source.file, report)
    for (const sidecar of sidecarPathsOf(report.source.file)) ownerOf.set(sidecar, report)
  }
  const byReport = new Map<Report, Message[]>()
  const loose: Message[] = []
  for (const message of unique(input.messages)) {
    const report = ownerOf.get(message.file)
    if (report) byReport.set(report, [...(byReport.get(report) ?? []), message])
    else loose.push(message)
  }
  const entries: QualityEntry[] = [...input.reports]
    .sort((a, b) => compareText(a.source.file, b.source.file))
    .flatMap((report) => {
      const messages = [...(byReport.get(report) ?? []), ...factsOf(report)]
      if (messages.length === 0) return []
      const view = views.get(report.id)
      const fields = snippetFields.filter((field) => messages.some((message) => fieldOf(message.ruleId) === field))
      return [
        {
          id: report.id,
          title: report.title,
          url: view?.url ?? null,
          file: report.source.file,
          messages: messages.map(toLine),
          fields,
          sidecar: sidecarPathsOf(report.source.file)[0] ?? '',
          snippet: fields.length > 0 ? sidecarSnippet(report, fields) : null,
        },
      ]
    })
  const all = [...input.failures, ...[...byReport.values()].flat(), ...input.reports.flatMap(factsOf), ...loose]
  const counts = new Map<string, number>()
  for (const message of all) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1)
  const split = entries.length > input.perPage
  return {
    tally: [...counts.entries()]
      .sort(([a, x], [b, y]) => y - x || compareText(a, b))
      .map(([ruleId, count]) => ({ ruleId, label: labelOf(ruleId), count, doubt: isDoubtRule(ruleId) })),
    failures: input.failures.map(toLine),
    fieldReports: entries.filter((entry) => entry.snippet !== null).length,
    count: entries.length,
    reports: split ? [] : entries,
    pages: split ? pagesOf(entries, input.years) : [],
    files: loose.map(toLine),
    years: input.years.map(summariseYear),
  }
}

/**
 * The work list cut by the year pages' groups (year, then province), each page's entries in source-path order as the
 * whole list; no page for a group with nothing to look at.
 */
function pagesOf(entries: readonly QualityEntry[], years: readonly YearView[]): QualityPage[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]))
  return years.flatMap((year) =>
    year.groups.flatMap((group) => {
      const members = reportsOfYear({ groups: [group] }).flatMap((view) => byId.get(view.id) ?? [])
      if (members.length === 0) return []
      return [
        {
          url: `/quality/${year.key}/${group.anchor}/`,
          yearKey: year.key,
          yearLabel: year.label,
          province: group.province,
          anchor: `reports-${year.key}-${group.anchor}`,
          entries: members.sort((a, b) => compareText(a.file, b.file)),
        },
      ]
    }),
  )
}

/** How many of a year's reports lack each part, were late, or cannot be judged. */
function summariseYear(year: YearView): QualityYear {
  const reports = reportsOfYear(year)
  const parts = reports[0]?.completeness ?? []
  return {
    label: year.label,
    url: year.url,
    count: reports.length,
    missing: parts.map((part, index) => ({
      label: part.label,
      short: part.short,
      count: reports.filter((view) => view.completeness[index]?.found === false).length,
    })),
    late: reports.filter((view) => view.timeliness.status === 'late').length,
    unknown: reports.filter((view) => view.timeliness.status === 'unknown').length,
  }
}

/** Findings the parser does not warn about because the source itself says nothing: no date, no title, no level. */
function factsOf(report: Report): Message[] {
  const where = { file: report.source.file, severity: 'warning' } as const
  const facts: Message[] = []
  if (report.agency.name !== null && report.agency.level === null) facts.push(createMessage('unknown-level', where, { agency: report.agency.name }))
  if (report.published === null) facts.push(createMessage('unknown-published', where))
  if (report.titleInferred) facts.push(createMessage('title-supplied', where, { title: report.title }))
  return facts
}

/** A `NAME.meta.yml` that sets each field: the value the parser settled on where it has one, else a blank to fill. */
export function sidecarSnippet(report: Report, fields: readonly Field[]): string {
  const sidecar = sidecarPathsOf(report.source.file)[0] ?? ''
  // A fetched report already has a sidecar holding its provenance: the lines go below it, never replacing it.
  const lines = [report.source.fetched === undefined ? `# ${sidecar}：对照原文核对或填写后保存` : `# ${sidecar}：已有抓取记录；对照原文核对或填写后，把以下各行追加到文件末尾`]
  for (const field of fields) {
    const known = currentValue(report, field)
    lines.push(known === null ? `${field}:${' '.repeat(Math.max(1, 11 - field.length))}# ${blanks[field]}` : `${field}: ${known}`)
  }
  return `${lines.join('\n')}\n`
}

const blanks: Record<Field, string> = {
  agency: '填写报告机构全称，如 广东省司法厅',
  region: '填写地区，从省级往下，如 [广东省, 广州市]',
  level: '填写层级：province | city | county | township | department',
  year: '填写报告所述年度，如 2023',
  published: '填写发布日期，如 2024-03-20（原文没有就删去本行）',
  title: '填写原文标题',
  id: '填写稳定编号，如 2023-guangdong-sft',
}

function currentValue(report: Report, field: Field): string | null {
  switch (field) {
    case 'agency':
      return report.agency.name === null ? null : yamlText(report.agency.name)
    case 'region':
      return report.agency.region.length === 0 ? null : `[${report.agency.region.map(yamlText).join(', ')}]`
    case 'level':
      return report.agency.level
    case 'year':
      return report.year === null ? null : String(report.year)
    case 'published':
      return report.published
    case 'title':
      return report.titleInferred ? null : yamlText(report.title)
    case 'id':
      return report.id
  }
}

/** A YAML scalar: plain when safe, else double-quoted JSON (valid YAML). */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}（）()·、\s-]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text)
}

function toLine(message: Message) {
  return { file: message.file, line: message.line, reason: message.reason, ruleId: message.ruleId, severity: message.severity }
}

/** Each message once (the same file, line, rule and words). */
function unique(messages: readonly Message[]): Message[] {
  const seen = new Set<string>()
  return messages.filter((message) => {
    const key = `${message.file}\0${message.line}\0${message.ruleId}\0${message.reason}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
