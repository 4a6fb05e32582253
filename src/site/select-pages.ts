import { createHash } from 'node:crypto'
import type { CorpusAnalysis } from '../analysis/index.ts'
import type { Report } from '../types.ts'
import type { ReportView, SiteData } from './view-types.ts'

/** The items each paginated template renders, one page each. */
export interface PageSelection {
  reports: SiteData['reports']
  agencies: SiteData['agencies']
  regions: SiteData['regions']
  years: SiteData['years']
  yearKinds: SiteData['yearKinds']
  redirects: SiteData['redirects']
  removed: SiteData['removed']
  reusePages: NonNullable<SiteData['reusePages']>
  repeatedPages: NonNullable<SiteData['repeatedPages']>
  changed: SiteData['changed']
}

/** What a paginated page shows, in short: its template and a digest of everything it renders. */
export interface PageDigest {
  template: keyof PageSelection
  digest: string
}

/**
 * Digest every paginated page of the site, keyed by its URL: the same digest means the same bytes (for the same
 * templates and code). A report page's digest covers the report and what its page adds from elsewhere (region
 * links, previous and next report, its address); a listing's covers its own fields and the digests of the reports it
 * shows, so a report that changes changes exactly the pages that show it.
 * @example digestPages(site, reports).get('/reports/2022/tianjin-zwfwb/')?.digest
 */
export function digestPages(site: SiteData, reports: readonly Report[], analysis?: CorpusAnalysis): Map<string, PageDigest> {
  const sources = new Map(reports.map((report) => [report.id, report]))
  const views = new Map<ReportView, string>()
  for (const view of site.reports) {
    const report = sources.get(view.id)
    // The analysis (the page's notes) comes from other reports too: a report added elsewhere can change this page's notes.
    // This is the one hash of a report's analysis: its JSON file (which carries it) is rewritten by this digest too.
    views.set(view, hash(JSON.stringify(report ?? null), JSON.stringify([view.absoluteUrl, view.regionLinks, view.previous, view.next, analysis?.reports.get(view.id) ?? null])))
  }
  // Reports inside a listing stand for their digest, so a listing is not hashed with every report's text again.
  const replacer = (_key: string, value: unknown): unknown => (typeof value === 'object' && value !== null && views.has(value as ReportView) ? views.get(value as ReportView) : value)
  const pages = new Map<string, PageDigest>()
  const add = (template: keyof PageSelection, url: string, digest: string): void => void pages.set(url, { template, digest })
  for (const view of site.reports) add('reports', view.url, views.get(view) ?? '')
  for (const agency of site.agencies) add('agencies', agency.url, hash(JSON.stringify(agency, replacer)))
  for (const region of site.regions) add('regions', region.url, hash(JSON.stringify(region, replacer)))
  for (const year of site.years) add('years', year.url, hash(JSON.stringify(year, replacer)))
  for (const view of site.yearKinds) {
    // A year-kind page shows sections of every report of its year: its digest covers them all.
    const year = site.years.find((candidate) => candidate.key === view.yearKey)
    const members = year?.groups.flatMap((group) => group.levels.flatMap((level) => level.reports.map((report) => views.get(report)))) ?? []
    const { yearKey, yearLabel, yearUrl, kind, label, url, missing } = view
    add('yearKinds', view.url, hash(JSON.stringify({ yearKey, yearLabel, yearUrl, kind, label, url, missing }, replacer), members.join()))
  }
  for (const redirect of site.redirects) add('redirects', redirect.from, hash(JSON.stringify(redirect)))
  for (const gone of site.removed) add('removed', gone.url, hash(JSON.stringify(gone)))
  // A side-by-side page shows paragraphs of the reports it names: their digests stand for its entries.
  const byId = new Map(site.reports.map((view) => [view.id, views.get(view) ?? '']))
  for (const page of site.reusePages ?? []) add('reusePages', page.url, hash(JSON.stringify(page), ...page.reportIds.map((id) => byId.get(id) ?? '')))
  for (const page of site.repeatedPages ?? []) add('repeatedPages', page.url, hash(JSON.stringify(page)))
  // A version comparison shows its report's versions, which the report's own digest covers.
  for (const view of site.changed) if (view.original.changes) add('changed', view.original.changes.url, hash(JSON.stringify(view.original), views.get(view) ?? ''))
  return pages
}

/** The items of the pages whose URL is in `urls`, per template. */
export function selectPages(site: SiteData, urls: ReadonlySet<string>): PageSelection {
  return {
    reports: site.reports.filter((view) => urls.has(view.url)),
    agencies: site.agencies.filter((agency) => urls.has(agency.url)),
    regions: site.regions.filter((region) => urls.has(region.url)),
    years: site.years.filter((year) => urls.has(year.url)),
    yearKinds: site.yearKinds.filter((view) => urls.has(view.url)),
    redirects: site.redirects.filter((redirect) => urls.has(redirect.from)),
    removed: site.removed.filter((gone) => urls.has(gone.url)),
    reusePages: (site.reusePages ?? []).filter((page) => urls.has(page.url)),
    repeatedPages: (site.repeatedPages ?? []).filter((page) => urls.has(page.url)),
    changed: site.changed.filter((view) => urls.has(view.original.changes?.url ?? '')),
  }
}

function hash(...parts: string[]): string {
  const digest = createHash('sha256')
  for (const part of parts) digest.update(part).update('\0')
  return digest.digest('hex').slice(0, 20)
}
