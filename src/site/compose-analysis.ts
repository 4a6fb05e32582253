import { collectParagraphs, foldPassage, listedPerParagraph, repeatedPerPart, reuseSummaryOf, type FoldedPassage, repeatedShortcomings, sharedGramsBoth, type CorpusAnalysis, type FollowUpItem, type PartChange, type ReportAnalysis, type ReuseLink } from '../analysis/index.ts'
import { kindLabel, statutoryKinds } from '../vocabulary.ts'
import type { Report, SectionKind } from '../types.ts'
import type { FollowUpRow, PairAnalysis, RepeatedPage, ReportAnalysisView, ReuseEntry, ReusePage, ReuseSide, YearAnalysis } from './analysis-view-types.ts'
import type { AgencyView, PlanPair, ReportView, YearView } from './view-types.ts'
import { escapeHtml } from './nunjucks-patch/escape-html.ts'
import { lazyProperties } from '../lazy-properties.ts'

const statusLabels: Record<FollowUpItem['status'], string> = { addressed: '有后续', 'not-found': '未见后续', relisted: '再次列入' }

/** Where a report's side-by-side page lives. */
export function reuseUrlOf(view: { url: string }): string {
  return `${view.url}reuse/`
}

/** The notes beside a report's paragraphs: 「与 N 篇报告高度相似」, linking to the side-by-side view. */
export function reuseNotes(analysis: CorpusAnalysis, id: string, url: string): Map<string, { href: string; text: string }> {
  const notes = new Map<string, { href: string; text: string }>()
  for (const count of analysis.reports.get(id)?.reuseCounts ?? []) {
    const own = count.sameAgency > 0 ? `（本机构往年 ${count.sameAgency} 篇）` : ''
    notes.set(count.anchor, { href: `${reuseUrlOf({ url })}#${count.anchor}`, text: `与 ${count.reports} 篇报告高度相似${own}` })
  }
  return notes
}

/** Side-by-side pairs a reuse entry shows with both texts: the closest paragraph, and the same agency's closest when it is another. */
export const pairsShownPerParagraph = 2

/**
 * Give every report view its analysis figures and list the side-by-side pages. A page's entries (both texts of each
 * shown pair, marked) are composed each time the page reads them and not kept: at 10,000 reports they would hold
 * every reused paragraph's text several times over. Its digest stands on the reports it shows (`reportIds`).
 */
export function composeReportAnalysis(analysis: CorpusAnalysis, reports: readonly Report[], views: readonly ReportView[]): ReusePage[] {
  const reportById = new Map(reports.map((report) => [report.id, report]))
  const viewById = new Map(views.map((view) => [view.id, view]))
  const pages: ReusePage[] = []
  for (const view of views) {
    const found = analysis.reports.get(view.id)
    if (!found) continue
    // One state for the view's figures and its side-by-side page, both made when read.
    const source = { found, view, reportById, viewById }
    view.analysis = withFigures({}, source)
    // What the listing holds, without reading it: a rebuild reads only the listings of the pages it renders.
    if (reuseSummaryOf(found).paragraphs === 0) continue
    pages.push(withReusePage({ listed: listedPerParagraph, shown: pairsShownPerParagraph }, source))
  }
  return pages
}

/**
 * A report's analysis figures, made when read (its page, a year's ranking, their digests): held, they were three
 * objects a report, ~4 MB at 30,000 reports.
 */
const withFigures = lazyProperties({
  reusedShare: ({ found }: AnalysedView): number => found.reusedShare,
  reusedPercent: ({ found }: AnalysedView): string => percent(found.reusedShare),
  reuseUrl: ({ found, view }: AnalysedView): string | null => (reuseSummaryOf(found).paragraphs > 0 ? reuseUrlOf(view) : null),
  reusedParagraphs: ({ found }: AnalysedView): number => reuseSummaryOf(found).paragraphs,
  chars: ({ found }: AnalysedView): number => found.metrics.all?.chars ?? 0,
  figuresPerThousand: ({ found }: AnalysedView): number => found.metrics.all?.figuresPerThousand ?? 0,
  namedCases: ({ found }: AnalysedView): number => found.metrics.all?.namedCases ?? 0,
  specificPercent: ({ found }: AnalysedView): string | null => {
    const share = found.metrics.shortcomings?.specificShare
    return share == null ? null : percent(share)
  },
  followUpPercent: ({ found }: AnalysedView): string | null => {
    const followed = found.followUp.filter((item) => item.status !== 'not-found').length
    return found.followUp.length > 0 ? percent(followed / found.followUp.length) : null
  },
})

/**
 * A side-by-side page, made when it is read: its address and figures from its report's view and analysis (held
 * for every report with reuse, they were ~10 MB at 30,000 reports); its entries when the page renders (not
 * enumerable: the page's digest names its reports, `reportIds`, whose digests cover what the entries show).
 */
const withReusePage = lazyProperties(
  {
    url: ({ view }: AnalysedView): string => reuseUrlOf(view),
    reportTitle: ({ view }: AnalysedView): string => view.title,
    reportUrl: ({ view }: AnalysedView): string => view.url,
    reusedPercent: ({ found }: AnalysedView): string => percent(found.reusedShare),
    reportIds: ({ found, view }: AnalysedView): string[] => [view.id, ...reuseSummaryOf(found).others].sort(),
    entries: ({ found, view, reportById, viewById }: AnalysedView): ReuseEntry[] => reuseEntries(found, view, reportById, viewById),
  },
  { hidden: ['entries'] },
)

/** What a report's figures and its side-by-side page are made from. */
interface AnalysedView {
  found: ReportAnalysis
  view: ReportView
  reportById: ReadonlyMap<string, Report>
  viewById: ReadonlyMap<string, ReportView>
}

/** A side-by-side page's entries: per reused paragraph, the pairs shown with both texts marked and the other listed paragraphs as links. */
function reuseEntries(found: ReportAnalysis, view: ReportView, reportById: ReadonlyMap<string, Report>, viewById: ReadonlyMap<string, ReportView>): ReuseEntry[] {
  const own = paragraphTexts(reportById.get(view.id))
  const others = new Map<string, Map<string, string>>()
  const textOf = (id: string, anchor: string): string => {
    let texts = others.get(id)
    if (!texts) others.set(id, (texts = paragraphTexts(reportById.get(id))))
    return texts.get(anchor) ?? ''
  }
  const linksOf = new Map<string, ReuseLink[]>()
  for (const link of found.reuse) linksOf.set(link.anchor, [...(linksOf.get(link.anchor) ?? []), link])
  return found.reuseCounts.map((count) => {
    const links = linksOf.get(count.anchor) ?? []
    // The closest pair, and the same agency's closest (跨年重复) when that is another one.
    const shown = [links[0], links.find((link) => link.sameAgency)].filter((link, index, list): link is ReuseLink => link !== undefined && list.indexOf(link) === index)
    const selfText = own.get(count.anchor) ?? ''
    const self = foldPassage(selfText)
    return {
      anchor: count.anchor,
      kindLabel: kindLabel(kindOfAnchor(count.anchor)),
      url: `${view.url}#${count.anchor}`,
      reports: count.reports,
      sameAgency: count.sameAgency,
      sides: shown.map((link) => {
        const otherText = textOf(link.other.id, link.other.anchor)
        const other = foldPassage(otherText)
        const [selfRanges, otherRanges] = sharedGramsBoth(self.folded, other.folded)
        return {
          ...describeLink(link, viewById),
          selfHtml: markedHtml(selfText, selfRanges, self),
          theirsHtml: markedHtml(otherText, otherRanges, other),
        }
      }),
      more: links.filter((link) => !shown.includes(link)).map((link) => describeLink(link, viewById)),
    }
  })
}

/** A listed paragraph of another report: where it is, which side (跨年重复 or 跨机构雷同), how much it shares. */
function describeLink(link: ReuseLink, viewById: ReadonlyMap<string, ReportView>): ReuseSide {
  const otherView = viewById.get(link.other.id)
  return {
    other: {
      label: otherView?.title ?? link.other.id,
      url: `${otherView?.url ?? ''}#${link.other.anchor}`,
      agencyName: otherView?.agencyName ?? '',
      year: otherView?.year ? `${otherView.year}年` : '年度未知',
    },
    sameAgency: link.sameAgency,
    similarityPercent: percent(link.similarity),
    sharedChars: link.sharedChars,
  }
}

/** The boilerplate pages: per year and statutory part, the passages most reports use. */
export function composeRepeatedPages(analysis: CorpusAnalysis, years: readonly YearView[], views: readonly ReportView[]): RepeatedPage[] {
  const viewById = new Map(views.map((view) => [view.id, view]))
  return years.flatMap((year) =>
    statutoryKinds.map((kind) => {
      const members = views.filter((view) => view.yearKey === year.key)
      return {
        url: `/years/${year.key}/${kind}/repeated/`,
        yearLabel: year.label,
        yearUrl: year.url,
        kind,
        label: kindLabel(kind),
        kindUrl: `/years/${year.key}/${kind}/`,
        total: members.filter((view) => view.kinds.includes(kind)).length,
        listed: repeatedPerPart,
        passages: (analysis.repeated.get(`${year.key}/${kind}`) ?? []).map((passage) => ({
          text: passage.text,
          reports: passage.reports,
          uses: passage.uses.map((use) => {
            const view = viewById.get(use.id)
            return { label: view?.agencyName ?? use.id, url: `${view?.url ?? ''}#${use.anchor}` }
          }),
        })),
      }
    }),
  )
}

/** Follow-up tables and year-to-year changes for an agency's consecutive reports. */
export function composeAgencyAnalysis(analysis: CorpusAnalysis, agencies: readonly AgencyView[]): void {
  for (const agency of agencies) {
    for (const pair of agency.pairs) {
      const items = analysis.reports.get(pair.from.id)?.followUp ?? []
      const counts = {
        addressed: items.filter((item) => item.status === 'addressed').length,
        relisted: items.filter((item) => item.status === 'relisted').length,
        notFound: items.filter((item) => item.status === 'not-found').length,
      }
      const followUpPercent = items.length > 0 ? percent((counts.addressed + counts.relisted) / items.length) : null
      const changes = analysis.changes.get(`${pair.from.id}>${pair.to.id}`) ?? []
      pair.analysis = withPairRows({ followUpPercent, counts }, { pair, items, changes })
    }
  }
}

/** What a pair's rows are made from: the analysis's own items and changes. */
interface PairSource {
  pair: PlanPair
  items: readonly FollowUpItem[]
  changes: readonly PartChange[]
}

/**
 * A pair's follow-up rows and changes, made each time they are read (its page, its digest): made for every pair and
 * held through the render, the rows (an address per item and per piece of evidence) and the changes were ~16 MB of
 * the render's heap at 30,000 reports (a heap snapshot, docs/performance.md).
 */
const withPairRows = lazyProperties({
  items: ({ pair, items }: PairSource): FollowUpRow[] =>
    items.map((item) => ({
      text: item.text,
      url: `${pair.from.url}#${item.anchor}`,
      status: item.status,
      statusLabel: statusLabels[item.status],
      evidence: item.evidence.map((evidence) => ({
        label: evidence.anchor.startsWith('plans') ? '下一年度安排' : '成效',
        url: `${pair.to.url}#${evidence.anchor}`,
        similarityPercent: percent(evidence.similarity),
      })),
    })),
  changes: ({ changes }: PairSource): PairAnalysis['changes'] =>
    changes.map((change) =>
      withDiffHtml(
        {
          kind: change.kind,
          label: kindLabel(change.kind),
          samePercent: percent(change.same),
          flagged: change.kind === 'shortcomings' && change.same >= repeatedShortcomings,
        },
        change,
      ),
    ),
})

/** A change's diff, made when it is read: a page that asks how many changes a pair has does not make them. */
const withDiffHtml = lazyProperties({ diffHtml: (change: PartChange): string | null => (change.runs === null ? null : diffHtml(change.runs)) })

/**
 * Rows a year page's ranking shows: the top of it. A year of 20,000 reports ranked in full made a page of ~6 MB;
 * every row is in the open data (`data/metrics.csv`, `data/follow-up.csv`) and each report's page gives its figure.
 */
export const rankedPerYearPage = 100

/** A year page's rankings: agencies by plans followed up, reports by text shared with others; the first `limit` of each. */
export function composeYearAnalysis(year: YearView, agencies: readonly AgencyView[], views: readonly ReportView[], limit = rankedPerYearPage): YearAnalysis {
  const followUp = agencies.flatMap((agency) =>
    agency.pairs
      .filter((pair) => pair.from.yearKey === year.key && pair.analysis && countOf(pair.analysis.counts) > 0)
      .map((pair) => {
        const counts = pair.analysis?.counts ?? { addressed: 0, relisted: 0, notFound: 0 }
        const items = countOf(counts)
        const share = (counts.addressed + counts.relisted) / items
        return { agencyName: agency.name, agencyUrl: agency.url, share, percent: percent(share), items, ...counts, pairUrl: `${agency.url}#pair-${pair.from.year}-${pair.to.year}` }
      }),
  )
  followUp.sort((a, b) => b.share - a.share || b.items - a.items || (a.agencyUrl < b.agencyUrl ? -1 : 1))
  const reuse = views
    .filter((view) => view.yearKey === year.key && view.analysis)
    .map((view) => ({ title: view.title, url: view.url, agencyName: view.agencyName, analysis: view.analysis as ReportAnalysisView }))
    .sort((a, b) => b.analysis.reusedShare - a.analysis.reusedShare || (a.url < b.url ? -1 : 1))
  return {
    followUp: followUp.slice(0, limit),
    followUpTotal: followUp.length,
    reuse: reuse.slice(0, limit),
    reuseTotal: reuse.length,
    repeatedPages: statutoryKinds.map((kind) => ({ label: kindLabel(kind), url: `/years/${year.key}/${kind}/repeated/` })),
  }
}

/**
 * A paragraph as escaped HTML, the text inside the marked folded ranges in `<mark>`; ranges index its folded text
 * (`passage`, when folded already). One string per side, not a template loop per piece: at 10,000 reports the
 * side-by-side pages hold some 400 MB of marked text. Escaped as the templates escape (`&<>"'\`).
 * @example markedHtml('甲<乙>丙丁戊', [[1, 4]]) // '甲&lt;<mark>乙&gt;丙丁</mark>戊'
 */
export function markedHtml(text: string, ranges: readonly (readonly [number, number])[], passage: FoldedPassage = foldPassage(text)): string {
  const { starts, ends } = passage
  // Marked stretches of the text as written, joined where they touch (a character folded to several units).
  const marked: [number, number][] = []
  for (const [from, to] of ranges) {
    if (to <= from) continue
    // Punctuation between two marked characters is marked too, so a shared run reads as one.
    const start = starts[from] ?? 0
    const end = ends[to - 1] ?? 0
    if (end <= start) continue
    const last = marked[marked.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else marked.push([start, end])
  }
  let html = ''
  let at = 0
  for (const [start, end] of marked) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

/** A year-to-year diff as escaped HTML: removed text in `<del>`, added text in `<ins>`, kept text as it is. */
function diffHtml(runs: readonly (readonly [number, string])[]): string {
  return runs.map(([op, text]) => (op === 1 ? `<ins>${escapeHtml(text)}</ins>` : op === -1 ? `<del>${escapeHtml(text)}</del>` : escapeHtml(text))).join('')
}

/** A report's paragraphs by their anchor (`paragraphAnchor`, as the report page and the analysis give them). */
function paragraphTexts(report: Report | undefined): Map<string, string> {
  return new Map(report ? collectParagraphs(report).map((paragraph) => [paragraph.anchor, paragraph.text]) : [])
}

/** The statutory part a paragraph anchor belongs to: anchors start with their section's kind (`achievements-2-p3`). */
function kindOfAnchor(anchor: string): SectionKind {
  const kind = /^[a-z]+/.exec(anchor)?.[0] ?? 'other'
  return (statutoryKinds as readonly string[]).includes(kind) || kind === 'preamble' || kind === 'closing' ? (kind as SectionKind) : 'other'
}

/** Plan items of a pair, by their counts. */
function countOf(counts: PairAnalysis['counts']): number {
  return counts.addressed + counts.relisted + counts.notFound
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}
