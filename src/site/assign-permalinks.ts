import { createMessage } from '../messages.ts'
import type { Message, Report } from '../types.ts'
import { keepAnchors } from './keep-anchors.ts'
import type { PermalinkRegistry, RegisteredReport } from './permalink-registry.ts'

/** How `assignPermalinks` reads the folder it is given. */
export interface AssignOptions {
  /** Source files present in this build, read or not: a registered file among them is not gone, even if it failed. */
  present?: ReadonlySet<string>
  /** Record each report's section and paragraph anchors in the registry (a build that writes it). */
  recordAnchors?: boolean
}

/** What `assignPermalinks` decided. */
export interface AssignedPermalinks {
  /** Reports under their published ids (with `formerIds` where they had others), sorted by source path. */
  reports: Report[]
  /** Reports of the registry whose source file is gone: their URLs stay reserved and say so. */
  removed: RegisteredReport[]
  /** The registry with this build's reports recorded. */
  registry: PermalinkRegistry
  /** Duplicate ids, changed ids and removed reports, as messages. */
  messages: Message[]
  /** Counts for the summary: reports new to the registry, ids changed, reports newly removed. */
  changes: { added: number; changed: number; removed: number }
}

/**
 * Give each report the id it was published under before, so adding, removing or renaming files never moves a URL.
 *
 * A report is found in the registry by its source path, else by its bytes (a renamed or moved file). It keeps its id
 * while the id it asks for (`report.id`: its sidecar `id`, else the inferred one) stays the same; when that changes, it
 * gets the new id and the old one joins `formerIds`, whose URLs redirect. A report new to the registry gets the id it
 * asks for, or `-2`, `-3`… when a report published earlier holds it. Every id ever given out stays reserved.
 */
export function assignPermalinks(reports: readonly Report[], registry: PermalinkRegistry, options: AssignOptions = {}): AssignedPermalinks {
  const sorted = [...reports].sort((a, b) => compareText(a.source.file, b.source.file))
  const entries = registry.reports.map((entry) => ({ ...entry, formerIds: [...entry.formerIds] }))
  const present = options.present ?? new Set(sorted.map((report) => report.source.file))
  const match = matchEntries(sorted, entries, present)
  const owners = new Map<string, RegisteredReport>()
  for (const entry of entries) for (const id of [entry.id, ...entry.formerIds]) owners.set(id, entry)
  const messages: Message[] = []
  const changes = { added: 0, changed: 0, removed: 0 }
  const kept = new Set<RegisteredReport>()
  const published = sorted.map((report) => {
    const wanted = report.id
    let entry = match.get(report)
    if (entry && entry.wanted === wanted) {
      if (entry.file !== report.source.file && entry.sha256 !== report.source.sha256) {
        messages.push(createMessage('report-followed', { file: report.source.file, severity: 'warning' }, { from: entry.file, id: entry.id }))
      }
      entry.file = report.source.file
      entry.sha256 = report.source.sha256
      delete entry.removed
      kept.add(entry)
      // Still a duplicate until a sidecar pins an id of its own.
      if (entry.id !== wanted) messages.push(duplicate(report, wanted, owners.get(wanted)?.file, entry.id))
      return withIds(report, entry, options.recordAnchors === true)
    }
    const own = (id: string) => entry !== undefined && owners.get(id) === entry
    let id = wanted
    for (let n = 2; owners.has(id) && !own(id); n++) id = `${wanted}-${n}`
    if (id !== wanted) messages.push(duplicate(report, wanted, owners.get(wanted)?.file, id))
    if (entry) {
      if (entry.id !== id) {
        messages.push(createMessage('id-changed', { file: report.source.file, severity: 'warning' }, { from: entry.id, to: id }))
        entry.formerIds = [...entry.formerIds.filter((former) => former !== id), entry.id]
        changes.changed++
      }
      Object.assign(entry, { id, wanted, file: report.source.file, sha256: report.source.sha256 })
      delete entry.removed
    } else {
      entry = { id, wanted, file: report.source.file, sha256: report.source.sha256, formerIds: [] }
      entries.push(entry)
      changes.added++
    }
    owners.set(id, entry)
    kept.add(entry)
    return withIds(report, entry, options.recordAnchors === true)
  })
  const removed: RegisteredReport[] = []
  for (const entry of entries) {
    if (kept.has(entry)) continue
    if (entry.removed !== true) {
      entry.removed = true
      changes.removed++
      messages.push(createMessage('report-removed', { file: entry.file, severity: 'warning' }, { id: entry.id }))
    }
    removed.push(entry)
  }
  return { reports: published, removed, registry: { reports: entries, regions: { ...registry.regions } }, messages, changes }
}

/**
 * Pair reports with registry entries: by source path first, then by bytes among entries whose file did not match, then
 * (a file renamed and edited in one go) by the id asked for, among entries whose file is gone from the folder.
 */
function matchEntries(reports: readonly Report[], entries: RegisteredReport[], present: ReadonlySet<string>): Map<Report, RegisteredReport> {
  const match = new Map<Report, RegisteredReport>()
  const byFile = new Map(entries.map((entry) => [entry.file, entry]))
  const taken = new Set<RegisteredReport>()
  for (const report of reports) {
    const entry = byFile.get(report.source.file)
    if (entry && !taken.has(entry)) {
      match.set(report, entry)
      taken.add(entry)
    }
  }
  for (const report of reports) {
    if (match.has(report)) continue
    // A new version of a changed original keeps the permalink its earlier version was published under.
    const earlier = new Set((report.source.versions ?? []).map((version) => version.file))
    const entry =
      entries.find((candidate) => !taken.has(candidate) && candidate.sha256 === report.source.sha256) ??
      entries.find((candidate) => !taken.has(candidate) && earlier.has(candidate.file))
    if (entry) {
      match.set(report, entry)
      taken.add(entry)
    }
  }
  for (const report of reports) {
    if (match.has(report)) continue
    const entry = entries.find((candidate) => !taken.has(candidate) && !present.has(candidate.file) && candidate.wanted === report.id)
    if (entry) {
      match.set(report, entry)
      taken.add(entry)
    }
  }
  return match
}

function duplicate(report: Report, wanted: string, owner: string | undefined, assigned: string): Message {
  return createMessage('duplicate-id', { file: report.source.file, severity: 'warning' }, { id: wanted, owner: owner ?? '另一篇报告', assigned })
}

function withIds(report: Report, entry: RegisteredReport, recordAnchors: boolean): Report {
  const { formerIds: _stale, ...rest } = report
  let sections = report.sections
  // Anchors are only worked out where some were published or are to be recorded: most builds of a large archive do neither.
  if (entry.anchors !== undefined || recordAnchors) {
    const kept = keepAnchors(report.sections, entry.anchors ?? {})
    sections = kept.sections
    entry.anchors = kept.anchors
  }
  return entry.formerIds.length > 0
    ? { ...rest, id: entry.id, formerIds: [...entry.formerIds], sections }
    : { ...rest, id: entry.id, sections }
}

/** Code-point order, independent of the locale the build runs in. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
