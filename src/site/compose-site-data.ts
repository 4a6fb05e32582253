import type { CorpusAnalysis } from '../analysis/index.ts'
import { kindLabel, levelHierarchy, statutoryKinds } from '../vocabulary.ts'
import type { Level, Message, Report, Section, SectionKind } from '../types.ts'
import { composeAgencyAnalysis, composeRepeatedPages, composeReportAnalysis, composeYearAnalysis, reuseNotes } from './compose-analysis.ts'
import { composeQuality } from './compose-quality.ts'
import { citationFormats, composeReportView } from './compose-report-view.ts'
import { levelLabel } from './filters/level-label.ts'
import { locateReport } from './locate-report.ts'
import { planRegions, type RegionPlan } from './plan-regions.ts'
import { renderSection } from './render-section.ts'
import { reportsOfPage, reportsOfYear } from './reports-of-year.ts'
import { sectionsOfKind } from './sections-of-kind.ts'
import { byPublishedDesc } from './by-published-desc.ts'
import { lazyProperties } from '../lazy-properties.ts'
import type { AgencyGroup, AgencyView, Link, PartPage, PlanPair, Redirect, RegionView, ReportView, SiteData, YearGroup, YearKindView, YearView } from './view-types.ts'

/** Inputs of `composeSiteData`. */
export interface SiteDataInput {
  /** Reports with unique ids. */
  reports: readonly Report[]
  /** Files that could not be published, with the reason. */
  failures: readonly Message[]
  /** Every other message of the build. */
  messages: readonly Message[]
  /** Absolute site origin and path, e.g. `http://localhost:8080`. */
  siteUrl: string
  /** Sub-path the site is served under, `/` or `/sub/`. */
  pathPrefix: string
  /** Region slugs published before (the permalink registry's), kept as they are. */
  regionSlugs?: Readonly<Record<string, string>>
  /** Reports whose source is gone: their URLs answer with a "removed" page. */
  removed?: readonly { id: string; file: string }[]
  /** The analysis stage's findings (reuse, follow-up, change, substance), shown on the pages when given. */
  analysis?: CorpusAnalysis
  /** Reports of a year per page of its part pages. Default `reportsPerPartPage`. */
  reportsPerPartPage?: number
  /** Entries a list page (a year's reports, the agencies, the quality page's work list) shows one by one at most; past it, a page per province. Default `listedPerPage`. */
  listedPerPage?: number
}

/**
 * Reports of a year a part page (`/years/2022/plans/`) shows at most: at 10,000 reports a year's achievements in
 * one page were 10 MB, at 100,000 they would be ~100 MB, more than a reader's browser or one Eleventy run should
 * hold. A hundred reports' parts are ~0.6 MB.
 */
export const reportsPerPartPage = 100

/**
 * Entries a list page shows at most, by province: a year's page its reports (by province and level), `/agencies/`
 * the agencies. A longer list gets a page per province (`/years/2022/tianjinshi/`, `/agencies/in/tianjinshi/`) that
 * the page links, under the same anchors (`/years/2022/#tianjinshi`); the quality page's work list, a page per year
 * and province (`/quality/2022/tianjinshi/`). At 10,000 reports a year's tables were 1.5 MB
 * of its 2.2 MB page (1,700 reports) and `/agencies/` 1.2 MB (7,088 agencies); at 100,000, ten times that.
 */
export const listedPerPage = 1000

/** Build the `site` global the templates render: every listing, sorted so the output is deterministic. */
export function composeSiteData(input: SiteDataInput): SiteData {
  const { analysis, ...rest } = input
  const composed = composeSiteParts(rest)
  return analysis ? composed.addAnalysis(analysis) : composed.site
}

/**
 * `composeSiteData` in two steps: the site without the analysis, composed while the analysis runs (a rebuild waits
 * seconds for its text reuse), and `addAnalysis`, which adds the analysis's parts to it (once) and returns it.
 * @example const { site, addAnalysis } = composeSiteParts(input); …; addAnalysis(await analysing)
 */
export function composeSiteParts(input: Omit<SiteDataInput, 'analysis'>): { site: SiteData; addAnalysis: (analysis: CorpusAnalysis) => SiteData } {
  const base = `${input.siteUrl.replace(/\/+$/, '')}${input.pathPrefix}`
  const plan = planRegions(
    input.reports.map((report) => report.agency.region),
    input.regionSlugs ?? {},
  )
  const sorted = [...input.reports].sort((a, b) => compareText(a.id, b.id))
  // A page's notes are made when it renders, once `addAnalysis` gave the analysis, and not kept: made for every
  // report they parsed every listing (~0.5 s of a 10,000-report rebuild that renders a few pages).
  let analysed: CorpusAnalysis | null = null
  const context = { base, regionLinks: plan.linksFor, notes: (id: string, url: string) => (analysed ? reuseNotes(analysed, id, url) : undefined) }
  const views = sorted.map((report) => composeReportView(report, context))
  const byId = new Map(sorted.map((report, index) => [report.id, { report, view: views[index] as ReportView }]))
  const agencies = composeAgencies(views, byId, plan)
  const perPage = input.listedPerPage ?? listedPerPage
  const years = composeYears(views, plan, { perPartPage: input.reportsPerPartPage ?? reportsPerPartPage, perYearPage: perPage })
  const agencyIndex = composeAgencyIndex(agencies, plan, perPage)
  // Each report under every prefix of its region, once: filtering all reports per region was regions × reports
  // (~3,000 × 100,000 at the archive's largest).
  const under = groupByRegionPrefix(views)
  const countUnder = (path: readonly string[]): number => under.get(regionKey(path))?.length ?? 0
  const regions: RegionView[] = [...plan.nodes.values()]
    .sort((a, b) => compareText(a.url, b.url))
    .map((node) => ({
      name: node.name,
      url: node.url,
      trail: plan.linksFor(node.path.slice(0, -1)),
      children: node.children.map((key) => {
        const child = plan.nodes.get(key)
        return { label: child?.name ?? key, url: child?.url ?? null, count: countUnder(child?.path ?? []) }
      }),
      reports: under.get(regionKey(node.path)) ?? [],
    }))
  const site: SiteData = {
    name: '法治报告库',
    siteUrl: input.siteUrl,
    pathPrefix: input.pathPrefix,
    reports: views,
    changed: views.filter((view) => view.original.changes !== null),
    // The ten newest dated reports, then up to five of the newest years that state no date (never given one).
    latest: [
      ...views.filter((view) => view.published !== null).sort(byPublishedDesc).slice(0, 10),
      ...views.filter((view) => view.published === null).sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || compareText(a.id, b.id)).slice(0, 5),
    ],
    byYear: years.map((year) => ({ label: year.label, count: year.count, url: year.url })),
    byLevel: levelHierarchy
      .map((level) => ({ label: levelLabel(level), count: views.filter((view) => view.level === level).length, url: null }))
      .filter((count) => count.count > 0),
    byProvince: plan.roots.map((key) => {
      const node = plan.nodes.get(key)
      return { label: node?.name ?? key, count: countUnder(node?.path ?? []), url: node?.url ?? null }
    }),
    years,
    yearKinds: yearKindsOf(years, byId),
    yearProvinces: years.flatMap((year) =>
      year.groups.flatMap((group) => (group.url === null ? [] : [{ ...group, url: group.url, yearKey: year.key, yearLabel: year.label, yearUrl: year.url }])),
    ),
    agencies,
    agencyIndex,
    agencyProvinces: agencyIndex.groups.flatMap((group) => (group.url === null ? [] : [{ ...group, url: group.url }])),
    regions,
    regionRoots: plan.roots.map((key) => {
      const node = plan.nodes.get(key)
      return { label: node?.name ?? key, count: countUnder(node?.path ?? []), url: node?.url ?? null }
    }),
    unplacedReports: views.filter((view) => view.agency.region.length === 0),
    failures: [...input.failures],
    messages: [...input.messages],
    citationFormats,
    quality: composeQuality({ reports: input.reports, views, failures: input.failures, messages: input.messages, years, perPage }),
    regionSlugs: plan.slugs,
    redirects: composeRedirects(input.reports, views, input.removed ?? []).map((redirect) => ({
      ...redirect,
      prefixedTo: `${input.pathPrefix}${redirect.to.slice(1)}`,
      absoluteTo: `${base}${redirect.to.slice(1)}`,
    })),
    removed: (input.removed ?? []).map((entry) => ({ id: entry.id, file: entry.file, url: locateReport(entry.id).url })),
    reusePages: [],
    repeatedPages: [],
  }
  const addAnalysis = (analysis: CorpusAnalysis): SiteData => {
    analysed = analysis
    site.reusePages = composeReportAnalysis(analysis, sorted, views)
    composeAgencyAnalysis(analysis, agencies)
    for (const year of years) year.analysis = composeYearAnalysis(year, agencies, views)
    site.repeatedPages = composeRepeatedPages(analysis, years, views)
    return site
  }
  return { site, addAnalysis }
}

type Index = Map<string, { report: Report; view: ReportView }>

function composeAgencies(views: ReportView[], byId: Index, plan: RegionPlan): AgencyView[] {
  // Anchors repeat from report to report (`plans-2`): each held once, where a report read back from its parse cache
  // entry has strings of its own.
  const anchors = new Map<string, string>()
  const groups = new Map<string, ReportView[]>()
  for (const view of views) groups.set(view.agencySlug, [...(groups.get(view.agencySlug) ?? []), view])
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([slug, members]) => {
      const reports = members.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || compareText(a.id, b.id))
      reports.forEach((view, index) => {
        const before = reports[index - 1]
        const after = reports[index + 1]
        view.previous = before ? { label: before.year ? `${before.year}年` : before.title, url: before.url } : null
        view.next = after ? { label: after.year ? `${after.year}年` : after.title, url: after.url } : null
      })
      const pairs: PlanPair[] = []
      reports.forEach((from, index) => {
        const to = reports[index + 1]
        if (!to || from.year === null || to.year !== from.year + 1) return
        const plans = sectionTargets(byId.get(from.id)?.report, 'plans', anchors)
        const achievements = sectionTargets(byId.get(to.id)?.report, 'achievements', anchors)
        pairs.push(withSectionLinks({ from, to }, { from, to, plans, achievements }))
      })
      const latest = reports[reports.length - 1] as ReportView
      const unknown = reports.every((view) => view.agency.name === null && view.agency.short === null)
      return {
        slug,
        unknown,
        listedAt: `/agencies/#${unknown ? 'unknown' : anchorOfProvince(plan, provinceOf(latest))}`,
        url: `/agencies/${slug}/`,
        name: latest.agencyName,
        short: latest.agency.short,
        regionLinks: latest.regionLinks,
        province: provinceOf(latest),
        reports,
        pairs,
      }
    })
}

/**
 * The sub-parts of a report's sections of one kind (or the parts themselves when they have none), as anchor and label
 * one after the other: a pair's links are made from these when its page renders. Held as links (an object and an
 * address each), they were ~18 MB of the render's heap at 30,000 reports (a heap snapshot, docs/performance.md).
 */
function sectionTargets(report: Report | undefined, kind: Section['kind'], anchors: Map<string, string>): readonly string[] {
  if (!report) return []
  return sectionsOfKind(report.sections, kind)
    .flatMap((section) => {
      const children = section.children.filter((child) => child.kind === kind)
      return children.length > 0 ? children : [section]
    })
    .flatMap((section) => [anchors.get(section.anchor) ?? (anchors.set(section.anchor, section.anchor), section.anchor), `${section.number ?? ''}${section.heading ?? kindLabel(section.kind)}`])
}

/** Links to a report's sections from `sectionTargets`. */
function sectionLinks(targets: readonly string[], url: string): Link[] {
  const links: Link[] = []
  for (let at = 0; at + 1 < targets.length; at += 2) links.push({ label: targets[at + 1] ?? '', url: `${url}#${targets[at]}` })
  return links
}

/** What a pair's links are made from. */
interface PairTargets {
  from: ReportView
  to: ReportView
  plans: readonly string[]
  achievements: readonly string[]
}

/** A pair's links to last year's plans and this year's achievements, made each time they are read. */
const withSectionLinks = lazyProperties({
  plans: ({ from, plans }: PairTargets): Link[] => sectionLinks(plans, from.url),
  achievements: ({ to, achievements }: PairTargets): Link[] => sectionLinks(achievements, to.url),
})

/**
 * Redirect pages for every URL a report had before: its former report URLs, and its former agency pages when no
 * agency holds that slug now. A removed report's URLs get a page saying so instead (`removed`).
 */
function composeRedirects(
  reports: readonly Report[],
  views: readonly ReportView[],
  removed: readonly { id: string }[],
): Omit<Redirect, 'prefixedTo' | 'absoluteTo'>[] {
  const byId = new Map(views.map((view) => [view.id, view]))
  const agencySlugs = new Set(views.map((view) => view.agencySlug))
  const reserved = new Set(removed.map((entry) => locateReport(entry.id).agencyUrl))
  const redirects = new Map<string, Omit<Redirect, 'prefixedTo' | 'absoluteTo'>>()
  for (const report of reports) {
    const view = byId.get(report.id)
    if (!view) continue
    for (const former of report.formerIds ?? []) {
      const location = locateReport(former)
      redirects.set(location.url, { from: location.url, to: view.url, title: view.title })
      if (!agencySlugs.has(location.slug) && !reserved.has(location.agencyUrl) && !redirects.has(location.agencyUrl)) {
        redirects.set(location.agencyUrl, { from: location.agencyUrl, to: view.agencyUrl, title: view.agencyName })
      }
    }
  }
  return [...redirects.values()].sort((a, b) => compareText(a.from, b.from))
}

/** `/agencies/`: the known agencies by province (ordered as a year page orders them), a page each past `perPage`. */
function composeAgencyIndex(agencies: readonly AgencyView[], plan: RegionPlan, perPage: number): SiteData['agencyIndex'] {
  const known = agencies.filter((agency) => !agency.unknown)
  const split = known.length > perPage
  const byProvince = new Map<string, AgencyView[]>()
  for (const agency of known) {
    const members = byProvince.get(agency.province)
    if (members) members.push(agency)
    else byProvince.set(agency.province, [agency])
  }
  const groups = [...byProvince].map(([province, members]): AgencyGroup => {
    const anchor = anchorOfProvince(plan, province)
    return { province, anchor, url: split ? `/agencies/in/${anchor}/` : null, agencies: members }
  })
  return { split, groups: groups.sort((a, b) => compareText(a.anchor, b.anchor)) }
}

/** A province's fragment id on a list page, and its page's last path segment: its region slug, or `unplaced`. */
function anchorOfProvince(plan: RegionPlan, province: string): string {
  return plan.nodes.get(province)?.slug ?? 'unplaced'
}

function composeYears(views: ReportView[], plan: RegionPlan, sizes: { perPartPage: number; perYearPage: number }): YearView[] {
  const keys = [...new Set(views.map((view) => view.yearKey))].sort((a, b) => {
    if (a === 'undated') return 1
    if (b === 'undated') return -1
    return compareText(b, a)
  })
  return keys.map((key) => {
    const members = views.filter((view) => view.yearKey === key)
    // A province's anchor is its region slug, so `/years/2022/#tianjinshi` keeps pointing at Tianjin.
    const anchorOf = (province: string) => anchorOfProvince(plan, province)
    const provinces = [...new Set(members.map(provinceOf))].sort((a, b) => compareText(anchorOf(a), anchorOf(b)))
    const split = members.length > sizes.perYearPage
    const groups: YearGroup[] = provinces.map((province) => {
      const ofProvince = members.filter((view) => provinceOf(view) === province)
      return {
        province,
        anchor: anchorOf(province),
        // Region slugs are pinyin (`tianjinshi`) or `unplaced`: never a part's name (`plans`).
        url: split ? `/years/${key}/${anchorOf(province)}/` : null,
        count: ofProvince.length,
        levels: levelHierarchy
          .map((level) => ({ level, reports: ofProvince.filter((view) => view.level === level) }))
          .filter((group) => group.reports.length > 0),
      }
    })
    return {
      key,
      label: key === 'undated' ? '年度未知' : `${key}年`,
      url: `/years/${key}/`,
      count: members.length,
      groups,
      split,
      kindPages: statutoryKinds.map((kind) => ({ label: kindLabel(kind), url: `/years/${key}/${kind}/` })),
      partPages: cutIntoPages(reportsOfYear({ groups }), sizes.perPartPage),
    }
  })
}

function provinceOf(view: ReportView): string {
  return view.province ?? '地区未知'
}

/** The pages of `perPage` reports `members` make, each named by its provinces; one page when there are none. */
function cutIntoPages(members: readonly ReportView[], perPage: number): PartPage[] {
  const pages: PartPage[] = []
  for (let start = 0; start === 0 || start < members.length; start += perPage) {
    const last = Math.min(start + perPage, members.length)
    const [from, to] = [members[start], members[last - 1]].map((view) => (view ? provinceOf(view) : ''))
    const number = pages.length + 1
    pages.push({ number, path: number === 1 ? '' : `${number}/`, first: start + 1, last, provinces: from === to ? (from ?? '') : `${from}—${to}` })
  }
  return pages
}

/**
 * Every year's part pages, one year after another and, within a year, page by page with the four parts of a page
 * together, so they share what a page's reports read (`takePagePart`).
 */
function yearKindsOf(years: readonly YearView[], byId: Index): YearKindView[] {
  const held: HeldPage = { page: null, byKind: new Map() }
  return years.flatMap((year) => {
    const members = reportsOfYear(year)
    return year.partPages.flatMap((page) => composePageKinds(year, page, reportsOfPage(members, page), byId, held))
  })
}

function composePageKinds(year: YearView, page: PartPage, members: readonly ReportView[], byId: Index, held: HeldPage): YearKindView[] {
  const key = `${year.key}/${page.number}`
  return statutoryKinds.map((kind) =>
    withPartEntries(
      {
        yearKey: year.key,
        yearLabel: year.label,
        yearUrl: year.url,
        kind,
        label: kindLabel(kind),
        url: `/years/${year.key}/${kind}/${page.path}`,
        partUrl: `/years/${year.key}/${kind}/`,
        page,
        pages: year.partPages,
        // Which reports have the kind, from the kinds their page lists (the same tree walk), without their sections.
        missing: members.filter((view) => !view.kinds.includes(kind)),
      },
      { key, kind, members, byId, held },
    ),
  )
}

/** What a part page's entries are made from. */
interface PartSource {
  key: string
  kind: SectionKind
  members: readonly ReportView[]
  byId: Index
  held: HeldPage
}

/**
 * A part page's entries, rendered when the page reads them and not kept (an incremental build renders only the
 * part pages that show a changed report; a full build frees them). One getter for all (`lazyProperties`): a getter
 * in each object literal put every part page in V8's dictionary mode, with a closure of its own.
 */
const withPartEntries = lazyProperties({
  entries: ({ key, kind, members, byId, held }: PartSource): YearKindView['entries'] => {
    const ofKind = takePagePart(held, key, kind, () => members.map((view) => [view.id, byId.get(view.id)?.report.sections ?? []]))
    return members.flatMap((view) => {
      const sections = ofKind.get(view.id) ?? []
      if (sections.length === 0) return []
      const rendered = sections.map((section) => ({
        url: `${view.url}#${section.anchor}`,
        html: renderSection(section, { depth: 3, anchors: false }),
      }))
      return [{ report: view, sections: rendered }]
    })
  },
})

/** One page's sections by kind and report, each kind's given up once its part page has taken it (`takePagePart`). */
interface HeldPage {
  page: string | null
  byKind: Map<SectionKind, Map<string, Section[]>>
}

/**
 * The sections of one kind of each report of a page, for its part page. A page's four part pages are rendered one
 * after another, so each report's sections are read once for all of them, not once a part: a large build reads them
 * back from the parse cache (src/build/spill-sections.ts). One page is held at a time, each kind until its part page
 * takes it.
 */
function takePagePart(held: HeldPage, page: string, kind: SectionKind, read: () => [string, readonly Section[]][]): Map<string, Section[]> {
  if (held.page !== page || !held.byKind.has(kind)) {
    held.page = page
    held.byKind = new Map(statutoryKinds.map((each) => [each, new Map()]))
    for (const [id, sections] of read()) {
      for (const each of statutoryKinds) {
        const found = sectionsOfKind(sections, each)
        if (found.length > 0) held.byKind.get(each)?.set(id, found)
      }
    }
  }
  const part = held.byKind.get(kind) ?? new Map<string, Section[]>()
  held.byKind.delete(kind)
  return part
}

/** Reports per region prefix (`regionKey`), in the order given; a report without a region is under none. */
function groupByRegionPrefix(views: readonly ReportView[]): Map<string, ReportView[]> {
  const groups = new Map<string, ReportView[]>()
  for (const view of views) {
    for (let depth = 1; depth <= view.agency.region.length; depth++) {
      const key = regionKey(view.agency.region.slice(0, depth))
      const group = groups.get(key)
      if (group) group.push(view)
      else groups.set(key, [view])
    }
  }
  return groups
}

/** One string per administrative path; an empty path has none (it holds no report). */
function regionKey(path: readonly string[]): string {
  return path.length === 0 ? '' : path.join('\u0000')
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
