import { createHash } from 'node:crypto'
import { analysisText, type CorpusAnalysis } from '../analysis/index.ts'
import { reportFieldsOf } from '../report-fields.ts'
import type { Report } from '../types.ts'
import { reportsOfPage, reportsOfYear } from './reports-of-year.ts'
import type { AgencyView, ReportView, SiteData } from './view-types.ts'

/** The items each paginated template renders, one page each. */
export interface PageSelection {
  reports: SiteData['reports']
  agencies: SiteData['agencies']
  regions: SiteData['regions']
  years: SiteData['years']
  yearKinds: SiteData['yearKinds']
  yearProvinces: SiteData['yearProvinces']
  agencyProvinces: SiteData['agencyProvinces']
  redirects: SiteData['redirects']
  removed: SiteData['removed']
  reusePages: NonNullable<SiteData['reusePages']>
  repeatedPages: NonNullable<SiteData['repeatedPages']>
  changed: SiteData['changed']
  qualityPages: SiteData['quality']['pages']
}

/** What a paginated page shows, in short: its template and a digest of everything it renders. */
export interface PageDigest {
  template: keyof PageSelection
  digest: string
}

/**
 * A digest of each report's text and address (`contents`): the report, with `sectionsDigest` standing for its
 * sections when given (a digest of them the caller already has), and what its page adds from elsewhere (region
 * links, previous and next report, its address). Not its analysis: made while the analysis runs.
 */
export function digestReportContents(site: SiteData, reports: readonly Report[], sectionsDigest?: (report: Report) => string): Map<ReportView, string> {
  const sources = new Map(reports.map((report) => [report.id, report]))
  const contents = new Map<ReportView, string>()
  for (const view of site.reports) {
    const report = sources.get(view.id)
    const digested = report && sectionsDigest ? { ...reportFieldsOf(report), sections: sectionsDigest(report) } : (report ?? null)
    contents.set(view, hash(JSON.stringify(digested), JSON.stringify([view.absoluteUrl, view.regionLinks, view.previous, view.next])))
  }
  return contents
}

/**
 * Digest every paginated page of the site, keyed by its URL: the same digest means the same bytes (for the same
 * templates and code). A report page's digest covers its text and address (`contents`, from `digestReportContents`)
 * and its analysis; a listing's covers its own fields and the digests of the reports it shows, so a report that
 * changes changes exactly the pages that show it.
 * @example digestPages(site, digestReportContents(site, reports), analysis).get('/reports/2022/tianjin-zwfwb/')?.digest
 */
export function digestPages(site: SiteData, contents: ReadonlyMap<ReportView, string>, analysis?: CorpusAnalysis): Map<string, PageDigest> {
  // A report page's digest: its text and address, and its analysis. The analysis (the page's notes) comes from other
  // reports too: a report added elsewhere can change this page's notes. This is the one hash of a report's analysis:
  // its JSON file (which carries it) is rewritten by this digest too.
  const views = new Map<ReportView, string>()
  for (const view of site.reports) {
    const found = analysis?.reports.get(view.id)
    // `analysisText`: a listing the worker handed over as text is hashed as that text, not read.
    views.set(view, hash(contents.get(view) ?? '', found ? analysisText(found) : 'null'))
  }
  // Reports inside a listing stand for their digest, so a listing is not hashed with every report's text again.
  const replacer = (_key: string, value: unknown): unknown => (typeof value === 'object' && value !== null && views.has(value as ReportView) ? views.get(value as ReportView) : value)
  // Agency and region pages list their reports (`partials/report-list.njk`, `agency.njk`): what a list shows of them
  // stands for them, so a change in their analysis (one report more sharing their boilerplate) leaves the page as it
  // is. What an agency page shows of its pairs' analysis is its own data.
  const listed = new Map<ReportView, string>()
  const listedReplacer = (_key: string, value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || !views.has(value as ReportView)) return value
    const view = value as ReportView
    const digest = listed.get(view) ?? hash(JSON.stringify(listedReport(view)))
    listed.set(view, digest)
    return digest
  }
  const pages = new Map<string, PageDigest>()
  const add = (template: keyof PageSelection, url: string, digest: string): void => void pages.set(url, { template, digest })
  for (const view of site.reports) add('reports', view.url, views.get(view) ?? '')
  for (const agency of site.agencies) add('agencies', agency.url, hash(JSON.stringify(agency, listedReplacer)))
  for (const region of site.regions) add('regions', region.url, hash(JSON.stringify(region, listedReplacer)))
  for (const year of site.years) add('years', year.url, hash(JSON.stringify(year, replacer)))
  const yearMembers = new Map(site.years.map((year) => [year.key, reportsOfYear(year)]))
  for (const view of site.yearKinds) {
    // A part page shows sections of every report of its page: its digest covers them all.
    const members = reportsOfPage(yearMembers.get(view.yearKey) ?? [], view.page).map((report) => views.get(report))
    const { yearKey, yearLabel, yearUrl, kind, label, url, partUrl, page, pages, missing } = view
    add('yearKinds', view.url, hash(JSON.stringify({ yearKey, yearLabel, yearUrl, kind, label, url, partUrl, page, pages, missing }, replacer), members.join()))
  }
  // A province's page of a year is a list (`partials/report-table.njk`): what it shows of its reports stands for them.
  for (const view of site.yearProvinces) add('yearProvinces', view.url, hash(JSON.stringify(view, listedReplacer)))
  for (const group of site.agencyProvinces) add('agencyProvinces', group.url, hash(JSON.stringify([group.province, group.anchor, group.agencies.map(listedAgency)])))
  for (const redirect of site.redirects) add('redirects', redirect.from, hash(JSON.stringify(redirect)))
  for (const gone of site.removed) add('removed', gone.url, hash(JSON.stringify(gone)))
  // A side-by-side page shows paragraphs of the reports it names, not their analysis: their text and address stand
  // for its entries.
  const byId = new Map(site.reports.map((view) => [view.id, contents.get(view) ?? '']))
  for (const page of site.reusePages ?? []) add('reusePages', page.url, hash(JSON.stringify(page), ...page.reportIds.map((id) => byId.get(id) ?? '')))
  for (const page of site.repeatedPages ?? []) add('repeatedPages', page.url, hash(JSON.stringify(page)))
  // A version comparison shows its report's versions, which the report's own digest covers.
  for (const view of site.changed) if (view.original.changes) add('changed', view.original.changes.url, hash(JSON.stringify(view.original), views.get(view) ?? ''))
  // A page of the quality page's work list shows its entries, made from the reports' messages, not their text.
  for (const page of site.quality.pages) add('qualityPages', page.url, hash(JSON.stringify(page)))
  return pages
}

/** What a list of reports shows of each (`partials/report-list.njk`, `partials/report-table.njk`, the unknown agencies). */
export function listedReport(view: ReportView): Record<string, unknown> {
  const { url, title, agencyName, year, level, published, timeliness, completeness } = view
  return { url, title, agencyName, year, level, published, timeliness, completeness, file: view.source.file }
}

/** What `/agencies/` and its province pages show of a known agency (`partials/agency-list.njk`). */
function listedAgency(agency: AgencyView): unknown[] {
  return [agency.url, agency.name, agency.regionLinks, agency.reports.length]
}

/** What one page without pagination shows: the fields of `site` its template reads, and how to take them. */
export interface SingletonInput {
  /** Its address, as its front matter's `permalink` says (a test compares them). */
  url: string
  /** Fields of `site` the template (and the partials it includes) reads; a test checks the templates against them. */
  reads: readonly (keyof SiteData)[]
  /** The values it shows, reports by what a list shows of them (`listedReport`). */
  input: (site: SiteData) => unknown
}

/**
 * The pages without pagination, by template file, and what each shows. Every page also shows `site.name` (the
 * layout). A template missing here always renders; one listed renders when its digest changed.
 */
export const singletonInputs: Readonly<Record<string, SingletonInput>> = {
  '404.njk': { url: '/404.html', reads: [], input: () => null },
  'about.njk': { url: '/about/', reads: ['reports'], input: (site) => site.reports.slice(0, 1).map((view) => [view.jsonUrl, view.id]) },
  'agencies.njk': {
    url: '/agencies/',
    reads: ['agencies', 'agencyIndex'],
    input: (site) => [
      site.agencyIndex.split,
      site.agencyIndex.groups.map((group) => [group.province, group.anchor, group.url, site.agencyIndex.split ? group.agencies.length : group.agencies.map(listedAgency)]),
      site.agencies.filter((agency) => agency.unknown).map((agency) => agency.reports.map(listedReport)),
    ],
  },
  'index.njk': {
    url: '/',
    reads: ['reports', 'byYear', 'byLevel', 'byProvince', 'latest'],
    input: (site) => [site.reports.length, site.byYear, site.byLevel, site.byProvince, site.latest.map(listedReport)],
  },
  'quality.njk': {
    url: '/quality/',
    reads: ['quality', 'reports'],
    // A split work list: the page links its pages and counts their entries.
    input: (site) => [{ ...site.quality, pages: site.quality.pages.map(({ entries, ...page }) => ({ ...page, count: entries.length })) }, site.reports.length],
  },
  'regions.njk': { url: '/regions/', reads: ['regionRoots', 'unplacedReports'], input: (site) => [site.regionRoots, site.unplacedReports.map(listedReport)] },
  'search.njk': { url: '/search/', reads: ['pathPrefix'], input: (site) => site.pathPrefix },
  'years.njk': { url: '/years/', reads: ['years'], input: (site) => site.years.map((year) => [year.url, year.label, year.count]) },
}

/**
 * A digest per page without pagination (home, lists, quality, search, about, 404), keyed by template file: the same
 * digest means the same bytes, so a rebuild renders only those whose digest changed (the quality page lists every
 * report, 11 MB at 10,000 reports; a report's text changing rarely changes what it shows).
 */
export function digestSingletons(site: SiteData): Record<string, string> {
  return Object.fromEntries(Object.entries(singletonInputs).map(([template, { input }]) => [template, hash(site.name, JSON.stringify(input(site)))]))
}

/**
 * The HTML files a full render writes (sorted paths relative to the site): every paginated page (`digestPages`) and
 * every page without pagination. The sitemap is made from it, not from listing the folder.
 * @example htmlFilesOf(digestPages(site, reports)) // ['404.html', 'about/index.html', …]
 */
export function htmlFilesOf(pages: ReadonlyMap<string, PageDigest>): string[] {
  const urls = [...pages.keys(), ...Object.values(singletonInputs).map((entry) => entry.url)]
  return urls.map((url) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The items of the pages whose URL is in `urls`, per template. */
export function selectPages(site: SiteData, urls: ReadonlySet<string>): PageSelection {
  return {
    reports: site.reports.filter((view) => urls.has(view.url)),
    agencies: site.agencies.filter((agency) => urls.has(agency.url)),
    regions: site.regions.filter((region) => urls.has(region.url)),
    years: site.years.filter((year) => urls.has(year.url)),
    yearKinds: site.yearKinds.filter((view) => urls.has(view.url)),
    yearProvinces: site.yearProvinces.filter((view) => urls.has(view.url)),
    agencyProvinces: site.agencyProvinces.filter((group) => urls.has(group.url)),
    redirects: site.redirects.filter((redirect) => urls.has(redirect.from)),
    removed: site.removed.filter((gone) => urls.has(gone.url)),
    reusePages: (site.reusePages ?? []).filter((page) => urls.has(page.url)),
    repeatedPages: (site.repeatedPages ?? []).filter((page) => urls.has(page.url)),
    changed: site.changed.filter((view) => urls.has(view.original.changes?.url ?? '')),
    qualityPages: site.quality.pages.filter((page) => urls.has(page.url)),
  }
}

function hash(...parts: string[]): string {
  const digest = createHash('sha256')
  for (const part of parts) digest.update(part).update('\0')
  return digest.digest('hex').slice(0, 20)
}
