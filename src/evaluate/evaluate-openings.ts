import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatMessage } from '../messages.ts'
import { readReport } from '../ingest/index.ts'
import { parseReport } from '../parse/index.ts'
import type { Report, Section } from '../types.ts'

/** The real openings copied unedited from ../shared/real-openings (test/real-openings). */
export const openingsFolder = fileURLToPath(new URL('../../test/real-openings', import.meta.url))

/** One line of `labels.jsonl` (see test/real-openings/README.md). */
export interface OpeningLabel {
  file: string
  url: string
  agency: string
  agency_as_written: string | null
  agency_min: string
  agency_alts: string[]
  agency_check: boolean
  region: string | null
  level: string
  report_year: number
  published: string | null
  title: string | null
  first_heading: string | null
  script: string
  note: string
}

/** The checks the acceptance counts, then two that are only reported. */
export const openingChecks = ['year', 'published', 'agency', 'firstHeading', 'firstPartKind'] as const
export const reportedChecks = ['region', 'level'] as const
export type OpeningCheck = (typeof openingChecks)[number] | (typeof reportedChecks)[number]

/** One opening's result: each check right, wrong (with what was found) or not counted. */
export interface OpeningResult {
  file: string
  checks: Partial<Record<OpeningCheck, { right: boolean; found: string; expected: string }>>
  /** Page furniture found in the sections. */
  furniture: string[]
  warnings: string[]
}

export interface OpeningTotals {
  right: number
  total: number
  share: number
  perCheck: Record<OpeningCheck, { right: number; total: number }>
  furniture: number
}

/**
 * Label-like page furniture: field labels with a colon, page tools, breadcrumbs. Written in both scripts because the
 * sections keep the text as written.
 */
const furniturePatterns: RegExp[] = [
  /(发布日期|發佈日期|發布日期|发布时间|發布時間|成文日期|公开日期|公開日期|发文日期|發文日期|索引号|索引號|浏览次数|瀏覽次數|访问次数|訪問次數|点击率|點擊率|信息来源|信息來源|文章来源|文章來源|更新时间|更新時間|发布机构|發布機構)\s*[:：]/,
  /字[号號]\s*[:：]?\s*[大]\s*[中]\s*[小]/,
  /今天是/, /首页\s*[>＞]/, /扫一扫|掃一掃/, /打印本页|关闭窗口|打印本頁|關閉窗口/,
  /www\.[a-z0-9.-]+\.gov\.cn\s+\d{4}-\d{2}-\d{2}/,
]

/** Parse every labelled opening (the URL as a sidecar would give it) and check it against its label. */
export async function evaluateOpenings(folder = openingsFolder): Promise<{ results: OpeningResult[]; totals: OpeningTotals }> {
  const labels = (await readFile(path.join(folder, 'labels.jsonl'), 'utf8'))
    .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as OpeningLabel)
  const results: OpeningResult[] = []
  for (const label of labels) results.push(await evaluateOpening(folder, label))
  return { results, totals: sumUp(results) }
}

async function evaluateOpening(folder: string, label: OpeningLabel): Promise<OpeningResult> {
  const read = await readReport(path.join(folder, label.file), { root: folder })
  const raw = read.value === null ? null : { ...read.value, overrides: { ...read.value.overrides, url: label.url } }
  const parsed = raw === null ? null : parseReport(raw)
  const report = parsed?.value ?? null
  const messages = [...read.messages, ...(parsed?.messages ?? [])]
  return {
    file: label.file,
    checks: checkReport(label, report),
    furniture: report === null ? [] : findFurniture(report.sections),
    warnings: messages.map(formatMessage),
  }
}

/** Every check of one report against its label. */
export function checkReport(label: OpeningLabel, report: Report | null): OpeningResult['checks'] {
  const checks: OpeningResult['checks'] = {}
  const put = (check: OpeningCheck, found: string, expected: string, right: boolean): void => {
    checks[check] = { right, found, expected }
  }
  put('year', String(report?.year ?? null), String(label.report_year), report?.year === label.report_year)
  put('published', String(report?.published ?? null), String(label.published), report !== null && report.published === label.published)
  if (label.agency_check) {
    const name = report?.agency.name ?? null
    put('agency', String(name), `${label.agency_min} … ${label.agency}`, name !== null && agencyRight(name, label))
  }
  const first = report === null ? undefined : firstNumbered(report.sections)
  const heading = first === undefined ? null : `${first.number ?? ''}${first.heading ?? ''}`
  put('firstHeading', String(heading), String(label.first_heading),
    heading === null ? label.first_heading === null : label.first_heading !== null && squeeze(heading) === squeeze(label.first_heading))
  put('firstPartKind', first?.kind ?? 'none', 'achievements | leadership',
    label.first_heading === null ? first === undefined : first?.kind === 'achievements' || first?.kind === 'leadership')
  const region = report?.agency.region.join('/') ?? ''
  put('region', region, label.region ?? '', region === (label.region ?? ''))
  // The labels file central bodies as `department` with no region; the parser's vocabulary has `central` for them.
  const level = label.level === 'department' && label.region === null ? 'central' : label.level
  put('level', String(report?.agency.level ?? null), level, report?.agency.level === level)
  return checks
}

/** A name between the shortest unambiguous form and the full name is right, and so is each alternative. */
function agencyRight(found: string, label: OpeningLabel): boolean {
  const name = joint(found)
  if ([label.agency, ...label.agency_alts].map(joint).includes(name)) return true
  return name.includes(joint(label.agency_min)) && joint(label.agency).includes(name)
}

const joint = (name: string): string => name.replace(/\s+/g, '、')
const squeeze = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '')

/** The first top-level section with a number. */
function firstNumbered(sections: readonly Section[]): Section | undefined {
  return sections.find((section) => section.number !== null)
}

/** Furniture strings found in any heading or paragraph. */
function findFurniture(sections: readonly Section[]): string[] {
  const found: string[] = []
  const visit = (section: Section): void => {
    for (const text of [section.heading ?? '', ...section.paragraphs]) {
      for (const pattern of furniturePatterns) {
        const match = pattern.exec(text)
        if (match !== null) found.push(match[0])
      }
    }
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return found
}

function sumUp(results: readonly OpeningResult[]): OpeningTotals {
  const perCheck = Object.fromEntries([...openingChecks, ...reportedChecks].map((check) => [check, { right: 0, total: 0 }])) as OpeningTotals['perCheck']
  for (const result of results) {
    for (const [check, value] of Object.entries(result.checks) as [OpeningCheck, { right: boolean }][]) {
      perCheck[check].total++
      if (value.right) perCheck[check].right++
    }
  }
  const right = openingChecks.reduce((sum, check) => sum + perCheck[check].right, 0)
  const total = openingChecks.reduce((sum, check) => sum + perCheck[check].total, 0)
  return { right, total, share: total === 0 ? 0 : right / total, perCheck, furniture: results.reduce((sum, result) => sum + result.furniture.length, 0) }
}

/** The totals per check as a Markdown table, then one line per failure when asked. */
export function formatOpenings(results: readonly OpeningResult[], totals: OpeningTotals, failures: boolean): string {
  const rows = [...openingChecks, ...reportedChecks].map((check) => {
    const { right, total } = totals.perCheck[check]
    const counted = (openingChecks as readonly string[]).includes(check) ? 'counted' : 'reported'
    return `| ${check} | ${right}/${total} | ${((right / Math.max(total, 1)) * 100).toFixed(1)}% | ${counted} |`
  })
  const lines = ['| check | right | share | |', '| --- | --- | --- | --- |', ...rows,
    `| **total (counted)** | **${totals.right}/${totals.total}** | **${(totals.share * 100).toFixed(1)}%** | |`,
    '', `furniture left in sections: ${totals.furniture}`]
  if (failures) {
    for (const result of results) {
      const wrong = Object.entries(result.checks).filter(([, value]) => !value.right)
      if (wrong.length === 0 && result.furniture.length === 0) continue
      lines.push('', `### ${result.file}`)
      for (const [check, value] of wrong) lines.push(`- ${check}: found ${value.found}; expected ${value.expected}`)
      for (const text of result.furniture) lines.push(`- furniture: ${text}`)
      for (const warning of result.warnings) lines.push(`- warning: ${warning}`)
    }
  }
  return lines.join('\n')
}
