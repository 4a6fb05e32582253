import { listReportFiles } from '../ingest/list-report-files.ts'
import type { Message, Report } from '../types.ts'
import { parseWithWorkers, type ParallelParseOptions } from './parse-workers.ts'

/** What `loadReports` found: the published reports, the files that failed, and every other message. */
export interface LoadedReports {
  reports: Report[]
  failures: Message[]
  messages: Message[]
}

/** How to parse: worker threads, cache folder (`.cache/parsed` by default), progress callback; see `parseWithWorkers`. */
export type LoadOptions = Omit<ParallelParseOptions, 'root'>

/**
 * List, read and parse every report under `root`. A file that cannot be used becomes a failure naming it and the
 * reason; the others go on. Reports come back in source-path order.
 */
export async function loadReports(root: string, options: LoadOptions = {}): Promise<LoadedReports> {
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
  const parsed = await parseWithWorkers(files, { ...options, root })
  for (const [index, file] of files.entries()) {
    const all = parsed.results[index]?.messages ?? []
    const report = parsed.results[index]?.value ?? null
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

function failure(file: string, reason: string, ruleId: string): Message {
  return { file, line: null, reason, ruleId, severity: 'error' }
}
