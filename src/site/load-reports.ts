import { readFile } from 'node:fs/promises'
import { listReportFiles } from '../ingest/list-report-files.ts'
import type { Message, RawReport, Report, Result } from '../types.ts'

/** What `loadReports` found: the published reports, the files that failed, and every other message. */
export interface LoadedReports {
  reports: Report[]
  failures: Message[]
  messages: Message[]
}

type ReadReport = (file: string, options: { root: string }) => Promise<Result<RawReport>>
type ParseReport = (raw: RawReport) => Result<Report>

/**
 * List, read and parse every report under `root`. A file that cannot be used becomes a failure naming it and the
 * reason; the others go on. Reports come back in source-path order.
 */
export async function loadReports(root: string): Promise<LoadedReports> {
  const { readReport, parseReport } = await loadStages()
  const reports: Report[] = []
  const failures: Message[] = []
  const messages: Message[] = []
  let files: string[]
  try {
    files = await listReportFiles(root)
  } catch (error) {
    failures.push(failure(root, `cannot list reports: ${String(error)}`, 'unreadable-folder'))
    return { reports, failures, messages }
  }
  for (const file of files) {
    const raw = await readReport(file, { root }).catch((error: unknown) => crashed<RawReport>(file, error))
    const parsed = raw.value ? safeParse(parseReport, raw.value) : null
    const all = [...raw.messages, ...(parsed?.messages ?? [])]
    const report = parsed?.value ?? null
    if (report) {
      reports.push(report)
      messages.push(...all, ...unreportedWarnings(report, all))
      continue
    }
    const errors = all.filter((message) => message.severity === 'error')
    failures.push(...(errors.length > 0 ? errors : [failure(file, 'the file gave no report and no reason', 'no-report')]))
    messages.push(...all.filter((message) => message.severity !== 'error'))
  }
  return { reports, failures, messages }
}

/** The report's own warnings that no message carries yet, as messages, so every warning is counted once. */
function unreportedWarnings(report: Report, messages: readonly Message[]): Message[] {
  const said = new Set(messages.map((message) => message.reason))
  return report.warnings
    .filter((warning) => !said.has(warning))
    .map((reason) => ({ file: report.source.file, line: null, reason, ruleId: 'parser-warning', severity: 'warning' as const }))
}

function safeParse(parseReport: ParseReport, raw: RawReport): Result<Report> {
  try {
    return parseReport(raw)
  } catch (error) {
    return crashed<Report>(raw.file, error)
  }
}

function crashed<T>(file: string, error: unknown): Result<T> {
  return { value: null, messages: [failure(file, `internal error while reading: ${String(error)}`, 'internal-error')] }
}

function failure(file: string, reason: string, ruleId: string): Message {
  return { file, line: null, reason, ruleId, severity: 'error' }
}

/** Temporary until the ingest and parse stages land: read hand-made `*.report.json` files. */
async function loadStages(): Promise<{ readReport: ReadReport; parseReport: ParseReport }> {
  return {
    readReport: async (file) => ({
      value: { file, format: 'txt', encoding: 'utf-8', sha256: '', text: await readFile(file, 'utf8'), overrides: {} },
      messages: [],
    }),
    parseReport: (raw) => ({ value: JSON.parse(raw.text) as Report, messages: [] }),
  }
}
