import path from 'node:path'
import type { Report, Section } from '../types.ts'
import { compareVersions } from './compare-versions.ts'

/** A kept original file as the report page links it. */
export interface OriginalFile {
  /** Site-relative URL of the copy in `_site/`. */
  url: string
  /** The file's own name, offered as the download name. */
  name: string
  /** When it was fetched (`YYYY-MM-DD`, China time), when known. */
  retrieved: string | null
}

/** What the report page says about its original: the file, and how it changed after publication. */
export interface OriginalView {
  /** The latest version's file. */
  file: OriginalFile
  /** Earlier versions, oldest first. */
  versions: OriginalFile[]
  /** When the original last changed, and what that date rests on; null when it never changed. */
  modified: { date: string; basis: string } | null
  /** For a PDF: the page of the original each section starts on, by anchor (from `source.pageStarts`). */
  pages: Record<string, number>
  /** The diff page, when there are versions. */
  changes: { url: string; pairs: Array<{ from: string; to: string; share: string; removed: number; added: number; html: string }> } | null
}

/** Text originals are copied with `.txt` appended, so a browser shows their source and never runs them on this site. */
const textExtensions = /\.(?:html?|shtml|xhtml|md|markdown|txt|text)$/i

/**
 * Where a report's original files are served (`{report page}original/NAME`), the line 「原文于 … 修改」 when the
 * original changed after it was first kept, and the character-level comparison of each version with the next.
 * `currentText` (the report's text as `textOf` gives it) is made only for a report with earlier versions.
 */
export function describeOriginal(report: Report, reportUrl: string, currentText: () => string): OriginalView {
  const fileOf = (file: string, retrieved: string | null | undefined): OriginalFile => {
    const name = path.posix.basename(file)
    return { url: `${reportUrl}original/${name}${textExtensions.test(name) ? '.txt' : ''}`, name, retrieved: chinaDate(retrieved ?? null) }
  }
  const versions = (report.source.versions ?? []).map((version) => fileOf(version.file, version.retrieved))
  const latest = fileOf(report.source.file, report.source.fetched?.retrieved)
  const earlier = report.source.versions ?? []
  const pages = pagesOf(report)
  if (earlier.length === 0) return { file: latest, versions, pages, modified: null, changes: null }
  const texts = [...earlier.map((version) => version.text), currentText()]
  const names = [...versions, latest]
  const pairs = earlier.map((version, index) => {
    const comparison = compareVersions(texts[index] ?? '', texts[index + 1] ?? '')
    return {
      from: names[index]?.name ?? version.file,
      to: names[index + 1]?.name ?? '',
      share: `${(comparison.share * 100).toFixed(1)}%`,
      removed: comparison.removed,
      added: comparison.added,
      html: comparison.html,
    }
  })
  return { file: latest, versions, pages, modified: modifiedOn(report, earlier.at(-1)?.retrieved ?? null), changes: { url: `${reportUrl}changes/`, pairs } }
}

/** The page each section (at any depth) starts on, for a report read from a PDF; empty otherwise. */
function pagesOf(report: Report): Record<string, number> {
  const starts = report.source.pageStarts
  const pages: Record<string, number> = {}
  if (starts === undefined || starts.length === 0) return pages
  const walk = (section: Section) => {
    const line = section.position?.start
    if (line !== undefined) pages[section.anchor] = starts.filter((start) => start <= line).length || 1
    section.children.forEach(walk)
  }
  report.sections.forEach(walk)
  return pages
}

/**
 * When the original changed: the server's Last-Modified of the latest version when it sent one later than the previous
 * fetch, else the day the change was found. The basis says which, so the page claims no more than the record.
 */
function modifiedOn(report: Report, previousRetrieved: string | null): { date: string; basis: string } | null {
  const fetched = report.source.fetched
  const found = chinaDate(fetched?.retrieved ?? null)
  const lastModified = fetched?.lastModified === undefined ? null : new Date(fetched.lastModified)
  const after = previousRetrieved === null ? null : new Date(previousRetrieved)
  if (lastModified !== null && !Number.isNaN(lastModified.getTime()) && (after === null || lastModified > after)) {
    return { date: chinaDate(lastModified.toISOString()) ?? '', basis: '据网站服务器所报的修改时间（Last-Modified）' }
  }
  if (found === null) return null
  const since = chinaDate(previousRetrieved)
  return { date: found, basis: since === null ? '重新抓取时发现内容已变' : `${since} 抓取后、${found} 重新抓取时发现内容已变` }
}

/** `YYYY-MM-DD` of an ISO timestamp in China Standard Time (UTC+8, no daylight saving), or null. */
function chinaDate(iso: string | null): string | null {
  if (iso === null) return null
  const time = new Date(iso).getTime()
  return Number.isNaN(time) ? null : new Date(time + 8 * 3600_000).toISOString().slice(0, 10)
}
