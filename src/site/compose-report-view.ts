import { h } from 'hastscript'
import { kindLabel, kindShortLabel, sectionKinds, statutoryKinds } from '../vocabulary.ts'
import type { Report, Section, SectionKind } from '../types.ts'
import { assessTimeliness } from './assess-timeliness.ts'
import { citeInGbt, citeReport, type Citation } from './cite-report.ts'
import { locateReport } from './locate-report.ts'
import { renderSection } from './render-section.ts'
import { kindsPresent } from './sections-of-kind.ts'
import type { Link, PartFound, ReportView, SectionView, TocEntry } from './view-types.ts'
import { displayTitle } from './display-title.ts'
import { describeOriginal } from './describe-original.ts'
import { textOf } from './keep-latest-versions.ts'
import { lazyProperties } from '../lazy-properties.ts'

/** What a report view needs from the rest of the site. */
export interface ReportViewContext {
  /** Absolute base URL of the site, ending in `/` (SITE_URL plus the path prefix). */
  base: string
  /** Region links for an administrative path, province first. */
  regionLinks: (region: readonly string[]) => readonly Link[]
  /**
   * Notes beside a report's paragraphs (the analysis's 「与 N 篇报告高度相似」), by paragraph anchor, given the report's
   * id and page: asked for when the page renders. One function for every report: a closure per report costs ~250
   * bytes more than its own size under tsx (esbuild's `keepNames` renames each one, which V8 keeps in a table).
   */
  notes?: (id: string, url: string) => ReadonlyMap<string, { href: string; text: string }> | undefined
}

/** Each statutory part found and not found, made once and shared by every view (four objects a report otherwise). */
const partsFound = new Map(statutoryKinds.map((kind) => [kind, [false, true].map((found): PartFound => Object.freeze({ kind, label: kindLabel(kind), short: kindShortLabel(kind), found }))] as const))

function partFound(kind: SectionKind, found: boolean): PartFound {
  const shared = partsFound.get(kind)?.[Number(found)]
  if (!shared) throw new Error(`not a statutory part: ${kind}`)
  return shared
}

/**
 * The kinds present, in the order of `sectionKinds`, and each statutory part found or not: one frozen list per
 * combination, shared by every report with it (two arrays a report otherwise, ~6 MB at 30,000 reports).
 */
const presentLists = new Map<string, { kinds: readonly SectionKind[]; completeness: readonly PartFound[] }>()

function listsOfPresent(present: ReadonlySet<SectionKind>): { kinds: readonly SectionKind[]; completeness: readonly PartFound[] } {
  const kinds = sectionKinds.map((entry) => entry.kind).filter((kind) => present.has(kind))
  const key = kinds.join(' ')
  const known = presentLists.get(key)
  if (known) return known
  const lists = { kinds: Object.freeze(kinds), completeness: Object.freeze(statutoryKinds.map((kind) => partFound(kind, present.has(kind)))) }
  presentLists.set(key, lists)
  completenessOfKinds.set(lists.kinds, lists.completeness)
  return lists
}

/** The parts found for a shared list of kinds (`listsOfPresent`), without walking the kinds again. */
const completenessOfKinds = new WeakMap<readonly SectionKind[], readonly PartFound[]>()

function completenessOf(kinds: readonly SectionKind[]): readonly PartFound[] {
  return completenessOfKinds.get(kinds) ?? listsOfPresent(new Set(kinds)).completeness
}

/** The fields of a report's view that its page shows and the search filters on, known before the rest of the site. */
export type ReportPageFields = Pick<ReportView, 'url' | 'title' | 'year' | 'province' | 'level' | 'agencyName' | 'kinds' | 'published'>

/**
 * The kinds of reports whose sections are read back each time they are asked for (a large build's, `spillSections`),
 * kept when they were let go (`keepKindsOf`): the index plan's digests and the view ask for a report's page fields,
 * and each read back decodes a parse cache entry (0.5–1.3 ms measured, a build running beside). A report's entry
 * weighs a few words; the lists are shared.
 */
const keptKinds = new WeakMap<Report, readonly SectionKind[]>()

/**
 * Keep `report`'s kinds of section, found in `sections` (its own, in memory): for a report whose sections are read
 * back when asked, and not set again.
 */
export function keepKindsOf(report: Report, sections: readonly Section[]): void {
  keptKinds.set(report, listsOfPresent(kindsPresent(sections)).kinds)
}

/** The page fields the index plans by (`plannedPageOf`), as `reportPageFields` gives them: none read from the sections. */
export function reportPlacement(report: Report): Pick<ReportPageFields, 'url' | 'year' | 'published'> {
  return { url: locateReport(report.id).url, year: report.year, published: report.published }
}

/** What the report's page and the search index share, from the report alone (no analysis, no other report). */
export function reportPageFields(report: Report): ReportPageFields {
  return {
    ...reportPlacement(report),
    title: displayTitle(report),
    province: report.agency.region[0] ?? null,
    level: report.agency.level,
    agencyName: report.agency.name ?? report.agency.short ?? '未知机构',
    kinds: keptKinds.get(report) ?? listsOfPresent(kindsPresent(report.sections)).kinds,
  }
}

/** What a report view's lazy parts are made from: `url` is the view's own (one string for both). */
interface ViewSource {
  report: Report
  context: ReportViewContext
  url: string
}

/** A report's page address with the site's base. */
function absoluteUrlOf({ context, url }: ViewSource): string {
  return context.base + url.slice(1)
}

/**
 * A view's parts made when the page renders, and not kept (`lazyProperties`): an incremental build renders a few
 * pages of thousands, and a full build's rendered text would otherwise stay in memory through the search index (the
 * template reads each once). The table of contents too: held for every report through the render, the entries were
 * ~100 MB of the build thread's heap at 30,000 reports (a heap snapshot, docs/performance.md).
 */
const withRenderedParts = lazyProperties({
  toc: ({ report }: ViewSource): TocEntry[] => report.sections.map((section) => tocEntry(section, 2)),
  sections: (source: ViewSource): SectionView[] => {
    const { report, context, url } = source
    const absoluteUrl = absoluteUrlOf(source)
    const notes = context.notes?.(report.id, url)
    return report.sections.map((section) => ({
      anchor: section.anchor,
      kind: section.kind,
      html: renderSection(section, {
        depth: 2,
        anchors: true,
        ...(notes ? { notes } : {}),
        append: [citationPanel(citeInGbt(report, `${absoluteUrl}#${section.anchor}`, section), section.kind, `${url}#${section.anchor}`)],
      }),
    }))
  },
  citation: (source: ViewSource): Citation => citeReport(source.report, absoluteUrlOf(source)),
  // Addresses a page shows once or twice, made when read: held, they were ~11 MB at 30,000 reports.
  absoluteUrl: absoluteUrlOf,
  jsonUrl: ({ report }: ViewSource): string => locateReport(report.id).jsonUrl,
  risUrl: ({ report }: ViewSource): string => locateReport(report.id).jsonUrl.replace(/\.json$/, '.ris'),
  agencyUrl: ({ report }: ViewSource): string => locateReport(report.id).agencyUrl,
})

/** Turn a parsed report into what its page and the listings show (without previous/next, set once agencies are known). */
export function composeReportView(report: Report, context: ReportViewContext): ReportView {
  const location = locateReport(report.id)
  const fields = reportPageFields(report)
  const view = {
    id: report.id,
    ...fields,
    agencySlug: location.slug,
    agency: report.agency,
    yearKey: location.dir === 'undated' || report.year === null ? 'undated' : String(report.year),
    regionLinks: context.regionLinks(report.agency.region),
    source: report.source,
    sourceUrl: report.source.url && /^https?:\/\//i.test(report.source.url) ? report.source.url : null,
    timeliness: assessTimeliness(report),
    completeness: completenessOf(fields.kinds),
    warnings: report.warnings,
    original: describeOriginal(report, fields.url, () => textOf(report)),
    previous: null,
    next: null,
  }
  return withRenderedParts(view, { report, context, url: fields.url })
}

function tocEntry(section: Section, depth: number): TocEntry {
  return {
    anchor: section.anchor,
    label: `${section.number ?? ''}${section.heading ?? (section.number ? '' : kindLabel(section.kind))}`,
    kind: section.kind,
    children: depth < 3 ? section.children.map((child) => tocEntry(child, depth + 1)) : [],
  }
}

/** The formats a citation is offered in, in page order, with their headings. */
export const citationFormats = [
  { key: 'gbt', label: 'GB/T 7714-2015', block: false },
  { key: 'bibtex', label: 'BibTeX（biblatex）', block: true },
  { key: 'ris', label: 'RIS（EndNote、NoteExpress、Zotero）', block: true },
  { key: 'csl', label: 'CSL-JSON', block: true },
] as const

/**
 * A section's citation panel: GB/T 7714 (the form Chinese writing cites in) and the section's permalink. The other
 * formats are offered once, for the whole report, in 引用本报告 and its RIS file: four formats in every section made
 * these panels 40 % of a report page.
 * `href` is the section's site-relative address (the base plugin adds the path prefix).
 */
function citationPanel(citation: ReturnType<typeof citeInGbt>, kind: SectionKind, href: string) {
  const { at, text } = citation.access
  return h('details.citation', { dataPagefindIgnore: '' }, [
    h('summary', `引用本部分（${kindLabel(kind)}）`),
    h('dl', [
      h('dt', ['GB/T 7714-2015 ', h('button.copy-cite', { type: 'button', hidden: true }, '复制')]),
      h('dd', h('code', { dataCite: '', dataCiteAt: String(at), dataCiteAccess: text }, citation.gbt)),
    ]),
    h('p.permalink', ['本站永久链接：', h('a', { href }, citation.permalink)]),
    h('p.muted', ['BibTeX、RIS、CSL-JSON：见', h('a', { href: '#report-cite' }, '引用本报告'), '（整篇报告）']),
  ])
}
