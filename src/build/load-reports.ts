import path from 'node:path'
import { listReportFolder } from '../ingest/index.ts'
import { createMessage } from '../messages.ts'
import type { Message, Report } from '../types.ts'
import { parseWithWorkers, type ParallelParseOptions } from './parse-workers.ts'
import type { KnownDigests } from './sections-key.ts'
import type { StoredSections } from './spill-sections.ts'

/** What `loadReports` found: the published reports, the files that failed, and every other message. */
export interface LoadedReports {
  reports: Report[]
  failures: Message[]
  messages: Message[]
  /** Each report's digests made when it was parsed (`digestSections`), where known. */
  digests?: KnownDigests
  /** The parse cache entry each report's sections are in, where one holds them (`spillSections`). */
  stored?: StoredSections
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
    const folder = await listReportFolder(root)
    files = folder.reports
    messages.push(...folder.unread)
  } catch (error) {
    failures.push(createMessage('unreadable-folder', { file: root, severity: 'error' }, { detail: String(error) }))
    return { reports, failures, messages }
  }
  const parsed = await parseWithWorkers(files, { ...options, root })
  const digests: KnownDigests = new WeakMap()
  const stored: StoredSections = new WeakMap()
  for (const [index, file] of files.entries()) {
    const all = parsed.results[index]?.messages ?? []
    const report = parsed.results[index]?.value ?? null
    const digested = parsed.results[index]?.digests
    const entry = parsed.entries[index]
    if (report) {
      if (digested) digests.set(report.sections, digested)
      if (entry) stored.set(report.sections, entry)
      reports.push(report)
      messages.push(...all)
      continue
    }
    const errors = all.filter((message) => message.severity === 'error')
    failures.push(...(errors.length > 0 ? errors : [createMessage('no-report', { file: path.relative(root, file).split(path.sep).join('/'), severity: 'error' })]))
    messages.push(...all.filter((message) => message.severity !== 'error'))
  }
  return { reports, failures, messages, digests, stored }
}
