import type { Agency, Level, Message, SectionKind, Source } from '../types.ts'
import type { Citation } from './cite-report.ts'
import type { Timeliness } from './assess-timeliness.ts'
import type { PairAnalysis, RepeatedPage, ReportAnalysisView, ReusePage, YearAnalysis } from './analysis-view-types.ts'
import type { OriginalView } from './describe-original.ts'

/** Site-stage view models: what the templates receive as the `site` global. Only `src/site` and templates use them. */

/** A link with its text. */
export interface Link {
  label: string
  url: string
}

/** Whether one statutory part was found in a report. */
export interface PartFound {
  kind: SectionKind
  label: string
  /** Two-character form for narrow columns. */
  short: string
  found: boolean
}

/** A table-of-contents entry. */
export interface TocEntry {
  anchor: string
  label: string
  kind: SectionKind
  children: TocEntry[]
}

/** A top-level part, already rendered. */
export interface SectionView {
  anchor: string
  kind: SectionKind
  /** Sanitised HTML of the whole `<section>`, the only value templates mark `| safe`. */
  html: string
}

/** One report as its page and listings need it. */
export interface ReportView {
  id: string
  /** The title as shown: in square brackets when the parser composed it (`titleInferred`). */
  title: string
  url: string
  absoluteUrl: string
  jsonUrl: string
  /** Site-relative URL of the report's RIS file. */
  risUrl: string
  agencyUrl: string
  agencySlug: string
  /** Full name, else the short form, else 未知机构. */
  agencyName: string
  agency: Agency
  level: Level | null
  year: number | null
  /** Year as a path segment: `2022` or `undated`. */
  yearKey: string
  province: string | null
  regionLinks: readonly Link[]
  published: string | null
  source: Source
  /** The source's address when it is http(s), else null (never a `javascript:` link). */
  sourceUrl: string | null
  timeliness: Timeliness
  completeness: readonly PartFound[]
  /** Kinds present anywhere in the report, in statutory order. */
  kinds: readonly SectionKind[]
  toc: TocEntry[]
  sections: SectionView[]
  citation: Citation
  warnings: string[]
  /** The original file as served from the site, its earlier versions and how it changed. */
  original: OriginalView
  previous: Link | null
  next: Link | null
  /** Reuse, follow-up and substance figures (src/analysis), when the build analysed the corpus. */
  analysis?: ReportAnalysisView
}

/** A count with a link. */
export interface Count {
  label: string
  count: number
  url: string | null
}

/** Reports of one year grouped by province, then level. */
export interface YearView {
  key: string
  label: string
  url: string
  count: number
  groups: YearGroup[]
  /**
   * True when the year has more reports than its page lists (`listedPerPage`): the page then links each
   * province's page (`YearGroup.url`) instead of listing its reports.
   */
  split: boolean
  kindPages: Link[]
  /** The pages each part page of the year is cut into (`reportsPerPartPage` reports each), the same for every part. */
  partPages: PartPage[]
  /** Rankings by plans followed up and by text shared, when the build analysed the corpus. */
  analysis?: YearAnalysis
}

/** A year's reports of one province, by level. */
export interface YearGroup {
  province: string
  /** Fragment id of the province's group on the year page: its region slug, or `unplaced`. */
  anchor: string
  /** The province's page of the year (`/years/2022/tianjinshi/`) when the year is split, else null. */
  url: string | null
  count: number
  levels: { level: Level | null; reports: ReportView[] }[]
}

/** The page of one province's reports of a year, when the year is split (`YearView.split`). */
export interface YearProvinceView extends YearGroup {
  url: string
  yearKey: string
  yearLabel: string
  yearUrl: string
}

/**
 * One page of a year's part pages: a run of the year's reports in the year page's order (province, level), the same
 * run for every part, so page 3 of the plans and page 3 of the achievements show the same reports.
 */
export interface PartPage {
  /** 1, 2, … */
  number: number
  /** Its address after the part's: `''` for the first page (the part's own address), `2/` after. */
  path: string
  /** Positions in the year's list of its first and last report, from 1. */
  first: number
  last: number
  /** Provinces of its first and last report, one when the same: `天津市—河北省`. */
  provinces: string
}

/** One year's sections of one kind across reports: one page of them (`page`) when the year is cut into pages. */
export interface YearKindView {
  yearKey: string
  yearLabel: string
  yearUrl: string
  kind: SectionKind
  label: string
  /** The page's address: the part's own (`partUrl`) for its first page. */
  url: string
  /** The part's address, its first page: where the year page and the repeated passages link. */
  partUrl: string
  /** Which page this is (`pages` has them all: the year's `partPages`). */
  page: PartPage
  pages: PartPage[]
  entries: { report: ReportView; sections: { url: string; html: string }[] }[]
  /** The page's reports in which no section of the kind was found. */
  missing: ReportView[]
}

/** Plans of one year beside achievements of the next. */
export interface PlanPair {
  from: ReportView
  to: ReportView
  /** Links to the sub-parts of last year's plans and of this year's achievements, made each time they are read. */
  readonly plans: Link[]
  readonly achievements: Link[]
  /** The plan items' follow-up and the change per part, when the build analysed the corpus. */
  analysis?: PairAnalysis
}

/** All reports of one agency. */
export interface AgencyView {
  slug: string
  /** True when no report of it names its body: the agencies page lists these apart. */
  unknown: boolean
  /** Where `/agencies/` lists it: its province's anchor (`/agencies/#tianjinshi`), or `#unknown`. */
  listedAt: string
  url: string
  name: string
  short: string | null
  regionLinks: readonly Link[]
  /** The province of its latest report (`地区未知` when none), under which `/agencies/` lists it. */
  province: string
  reports: ReportView[]
  pairs: PlanPair[]
}

/** The known agencies of one province on `/agencies/` (those of unknown name are listed apart). */
export interface AgencyGroup {
  province: string
  /** Fragment id of the province on `/agencies/`: its region slug, or `unplaced` (as on a year page). */
  anchor: string
  /** The province's page of agencies (`/agencies/in/tianjinshi/`) when `/agencies/` is split, else null. */
  url: string | null
  agencies: AgencyView[]
}

/** One node of the province → city → county tree. */
export interface RegionView {
  name: string
  url: string
  /** Ancestors from the province down, this node excluded. */
  trail: readonly Link[]
  children: Count[]
  /** Reports in this region and below. */
  reports: ReportView[]
}

/** Everything the templates render: the `site` global. */
export interface SiteData {
  name: string
  siteUrl: string
  pathPrefix: string
  reports: ReportView[]
  /** Reports whose original changed after it was first kept: each gets a page comparing its versions. */
  changed: ReportView[]
  latest: ReportView[]
  byYear: Count[]
  byLevel: Count[]
  byProvince: Count[]
  years: YearView[]
  yearKinds: YearKindView[]
  /** The province pages of the years that are split. */
  yearProvinces: YearProvinceView[]
  agencies: AgencyView[]
  /**
   * `/agencies/`: the known agencies by province; `split` when there are more than `listedPerPage`, the page then
   * linking each province's page instead of listing its agencies.
   */
  agencyIndex: { split: boolean; groups: AgencyGroup[] }
  /** The province pages of `/agencies/` when it is split. */
  agencyProvinces: (AgencyGroup & { url: string })[]
  regions: RegionView[]
  regionRoots: Count[]
  unplacedReports: ReportView[]
  failures: Message[]
  messages: Message[]
  /** Citation formats in page order: key into `Citation`, heading, and whether it is a block. */
  citationFormats: readonly { key: 'gbt' | 'bibtex' | 'ris' | 'csl'; label: string; block: boolean }[]
  /** The quality page's work list. */
  quality: QualityView
  /** Region key → URL segment, for the permalink registry. */
  regionSlugs: Record<string, string>
  /** Old URLs that now point elsewhere. */
  redirects: Redirect[]
  /** URLs of reports whose source was removed. */
  removed: { id: string; file: string; url: string }[]
  /** Side-by-side pages of reused paragraphs, one per report that has any. */
  reusePages?: ReusePage[]
  /** Boilerplate pages, one per year and statutory part. */
  repeatedPages?: RepeatedPage[]
}

/** A message as the quality page lists it. */
export interface MessageLine {
  file: string
  line: number | null
  reason: string
  ruleId: string
  severity: Message['severity']
}

/** One report on the quality page's work list. */
export interface QualityEntry {
  /** The report's id: the entry's anchor is `work-{id}`. */
  id: string
  title: string
  url: string | null
  /** Source path relative to the reports folder. */
  file: string
  /** Every message about the report or its sidecar, each once. */
  messages: MessageLine[]
  /** Fields found unknown or doubtful (agency, region, level, year, published, title, id). */
  fields: string[]
  /** Where the sidecar goes, e.g. `2024/guangdong.meta.yml`. */
  sidecar: string
  /** A ready-to-paste sidecar setting those fields, or null when no field is in doubt. */
  snippet: string | null
}

/** The quality page (质量): a work list for the people who correct the archive. */
export interface QualityView {
  /** Messages per rule, most frequent first. */
  tally: { ruleId: string; label: string; count: number; doubt: boolean }[]
  /** Files that could not be published. */
  failures: MessageLine[]
  /** How many reports have a field to correct. */
  fieldReports: number
  /** How many reports have something to look at. */
  count: number
  /** Those reports, by source path, when they are at most `listedPerPage`; else none, and `pages` lists them. */
  reports: QualityEntry[]
  /**
   * Past `listedPerPage` reports to look at, a page of them per year and province (the year pages' groups), in the
   * year pages' order: at 100,000 reports the list was 48,089 entries, 47 MB in one page.
   */
  pages: QualityPage[]
  /** Messages about files that are no report (stray metadata, the registry, the index). */
  files: MessageLine[]
  /**
   * Per year, how many reports lack each statutory part and how many were late or cannot be judged; each year's page
   * lists its reports one by one (the quality page once listed every report: 114 MB at 100,000).
   */
  years: QualityYear[]
}

/** One year and province of the quality page's work list, when the list is split (`QualityView.pages`). */
export interface QualityPage {
  /** `/quality/2022/tianjinshi/`: the year's key and the province's region slug, as on the year pages. */
  url: string
  yearKey: string
  yearLabel: string
  province: string
  /** Its line's fragment id on `/quality/`, e.g. `reports-2022-tianjinshi` (the year's is `reports-2022`). */
  anchor: string
  /** By source path. */
  entries: QualityEntry[]
}

/** One year's row of the quality page's summary. */
export interface QualityYear {
  label: string
  url: string
  count: number
  /** Reports without each statutory part, in statutory order. */
  missing: { label: string; short: string; count: number }[]
  late: number
  /** Timeliness unknown: no publication date, or no deadline applies (townships, years before 2015). */
  unknown: number
}

/** A URL the archive published that now lives elsewhere. */
export interface Redirect {
  from: string
  to: string
  /** `to` with the path prefix, for `<meta http-equiv="refresh">`, which the HTML base plugin does not rewrite. */
  prefixedTo: string
  /** `to` as an absolute URL, for `rel=canonical`. */
  absoluteTo: string
  /** Title of the page it points to. */
  title: string
}
