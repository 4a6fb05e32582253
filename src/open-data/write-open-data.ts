import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CorpusAnalysis } from '../analysis/index.ts'
import { reportFieldsOf } from '../report-fields.ts'
import type { Report } from '../types.ts'
import type { Timeliness } from '../site/assess-timeliness.ts'
import { escapeXml } from './escape-xml.ts'
import { timelinessLabel } from '../site/filters/timeliness-label.ts'
import { toAtom } from './to-atom.ts'
import { csvHead, csvLines } from './to-csv.ts'
import { publishedAnalysis, writeAnalysisData } from './write-analysis-data.ts'
import { writeInParts, type FileParts, type KeptParts } from './write-in-parts.ts'
import type { SiteData } from '../site/view-types.ts'

const schemaFile = fileURLToPath(new URL('../report.schema.json', import.meta.url))

/**
 * Write the open data beside the pages: `data/reports.json`, `data/reports.csv`, `data/reports/{id}.json` (also under each former id; with `analysis`), `data/reports/{id}.ris`, the analysis CSVs,
 * `data/report.schema.json`, `feed.xml`, `sitemap.xml` (every HTML page but 404, redirects and removed reports) and `robots.txt`.
 * The tables are written in one part per report (`writeInParts`); returns where each table's parts lie, by file.
 */
export async function writeOpenData(outDir: string, reports: readonly Report[], site: SiteData, options: OpenDataOptions): Promise<Record<string, FileParts>> {
  const base = `${site.siteUrl.replace(/\/+$/, '')}${site.pathPrefix}`
  const views = new Map(site.reports.map((view) => [view.id, view]))
  const sorted = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const byId = new Map(sorted.map((report) => [report.id, report]))
  const ids = sorted.map((report) => report.id)
  await mkdir(path.join(outDir, 'data', 'reports'), { recursive: true })
  // A report's part of each table depends only on what its digest covers, as its own files do (`writeReport`).
  const { writeReport, previousParts } = options
  const unchanged = writeReport && previousParts ? (id: string): boolean => !writeReport(id) : null
  const kept = (file: string): KeptParts | undefined => (unchanged ? { previous: previousParts?.[file], unchanged } : undefined)
  const parts: Record<string, FileParts> = {}
  const metadataOf = (id: string): string => {
    const metadata = { ...reportFieldsOf(byId.get(id) as Report), ...deadlineFields(views.get(id)?.timeliness), url: views.get(id)?.absoluteUrl ?? null, json: `${base}data/reports/${id}.json` }
    // One element of the array as `JSON.stringify(all, null, 2)` indents it.
    return `  ${JSON.stringify(metadata, null, 2).replaceAll('\n', '\n  ')}`
  }
  parts['data/reports.json'] = await writeInParts(path.join(outDir, 'data', 'reports.json'), { head: '[\n', separator: ',\n', tail: '\n]\n', empty: '[]\n' }, ids, metadataOf, kept('data/reports.json'))
  const header = ['id', 'title', 'agency', 'short', 'level', 'region', 'year', 'published', 'timeliness', 'deadline', 'daysLate', 'rule', 'parts_missing', 'warnings', 'url', 'source_url', 'publisher', 'source_file']
  const rowOf = (id: string): string => {
    const report = byId.get(id) as Report
    const view = views.get(report.id)
    return csvLines([
      [
        report.id,
        report.title,
        report.agency.name,
        report.agency.short,
        report.agency.level,
        report.agency.region.join('/'),
        report.year,
        report.published,
        timelinessLabel(view?.timeliness),
        view?.timeliness.deadline ?? null,
        view?.timeliness.daysLate ?? null,
        view?.timeliness.rule?.text ?? null,
        (view?.completeness ?? []).filter((part) => !part.found).map((part) => part.kind).join(' '),
        report.warnings.length,
        view?.absoluteUrl ?? null,
        report.source.url,
        report.source.publisher,
        report.source.file,
      ],
    ])
  }
  parts['data/reports.csv'] = await writeInParts(path.join(outDir, 'data', 'reports.csv'), { head: csvHead(header), separator: '', tail: '' }, ids, rowOf, kept('data/reports.csv'))
  for (const report of sorted) {
    if (options.writeReport && !options.writeReport(report.id)) continue
    const analysed = publishedAnalysis(options.analysis, report.id)
    const json = `${JSON.stringify({ ...report, ...deadlineFields(views.get(report.id)?.timeliness), ...(analysed ? { analysis: analysed } : {}) }, null, 2)}\n`
    await writeFile(path.join(outDir, 'data', 'reports', `${report.id}.json`), json)
    // A JSON file cannot redirect: its former addresses serve the same record, whose `id` names the current one.
    for (const former of report.formerIds ?? []) await writeFile(path.join(outDir, 'data', 'reports', `${former}.json`), json)
    const ris = views.get(report.id)?.citation.ris
    // RIS files end lines with CR LF, as EndNote writes them.
    if (ris) await writeFile(path.join(outDir, 'data', 'reports', `${report.id}.ris`), `${ris.replaceAll('\n', '\r\n')}\r\n`)
  }
  if (options.analysis) {
    Object.assign(parts, await writeAnalysisData(outDir, options.analysis, unchanged ? { previous: previousParts, unchanged } : undefined))
  }
  await copyFile(schemaFile, path.join(outDir, 'data', 'report.schema.json'))
  await writeFile(path.join(outDir, 'feed.xml'), toAtom(site.reports, base, site.name))
  const moved = new Set([...site.redirects.map((redirect) => redirect.from), ...site.removed.map((gone) => gone.url)])
  const pages = options.htmlFiles.filter((page) => page !== '404.html' && !moved.has(`/${page.replace(/(^|\/)index\.html$/, '$1')}`))
  const urls = pages.map((page) => `  <url><loc>${escapeXml(base + page.replace(/(^|\/)index\.html$/, '$1'))}</loc></url>`)
  await writeFile(
    path.join(outDir, 'sitemap.xml'),
    ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n'),
  )
  await writeFile(path.join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${base}sitemap.xml\n`)
  return parts
}

/** Options for `writeOpenData`. */
export interface OpenDataOptions {
  /** The corpus analysis, published in each report's JSON and in its own CSVs (absent when the build skips it). */
  analysis?: CorpusAnalysis
  /** Whether to write a report's own files (`{id}.json`, its former ids, `{id}.ris`): an incremental build skips unchanged ones. Default: every report. */
  writeReport?: (id: string) => boolean
  /**
   * Where the last build's tables (`data/reports.json`, the CSVs) have each report's part, by file (what this returned
   * then): with `writeReport`, the parts of reports not written are copied from those files.
   */
  previousParts?: Record<string, FileParts>
  /**
   * The site's HTML files, sorted paths relative to the site (`htmlFilesOf`): the sitemap lists them but 404,
   * redirects and removed reports. The site knows its pages; the folder is never listed (the index writes into it).
   */
  htmlFiles: readonly string[]
}

/** The files of one report under `data/reports/`, relative to the site folder. */
export function reportDataFiles(report: Pick<Report, 'id' | 'formerIds'>): string[] {
  return [`${report.id}.json`, ...(report.formerIds ?? []).map((former) => `${former}.json`), `${report.id}.ris`].map((name) => `data/reports/${name}`)
}

/** The deadline, days late and rule of a report's timeliness, as the open data carry them. */
function deadlineFields(timeliness: Timeliness | undefined): { deadline: string | null; daysLate: number | null; rule: string | null } {
  return { deadline: timeliness?.deadline ?? null, daysLate: timeliness?.daysLate ?? null, rule: timeliness?.rule?.text ?? null }
}

