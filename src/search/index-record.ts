import { kindLabel } from '../vocabulary.ts'
import type { Level, Section, SectionKind } from '../types.ts'

/** What the index takes from a report's page data: the fields its page shows and filters on, and its sections. */
export interface ReportPageData {
  /** Site-relative URL of the page, e.g. `/reports/2022/tianjin-zwfwb/`. */
  url: string
  /** The title as shown on the page. */
  title: string
  year: number | null
  province: string | null
  level: Level | null
  agencyName: string
  /** Kinds present anywhere in the report, in statutory order. */
  kinds: readonly SectionKind[]
  published: string | null
  sections: readonly Section[]
}

/** A heading the search links to (a sub-result): its element, id and text, at the block it starts. */
export interface IndexAnchor {
  element: string
  id: string
  text: string
  /** Number of the heading's block in the record's `blocks`. */
  location: number
}

/** What planning a page's bundle reads of it (`planBundles`): its URL, the year it is filed under and its sort keys. */
export type PlannedPage = Pick<IndexRecord, 'url' | 'year' | 'sort'>

/** One report as the search index takes it, made from page data, never from built HTML. */
export interface IndexRecord {
  /** Site-relative URL of the page (no path prefix), e.g. `/reports/2022/tianjin-zwfwb/`. */
  url: string
  /** The year whose group and bundle it joins: its year, else the year its URL is filed under, else null. */
  year: number | null
  /** Its text as a reader sees it, in blocks (title, each heading, each paragraph), spaces collapsed. */
  blocks: string[]
  /** Headings with ids, for links to sections. */
  anchors: IndexAnchor[]
  /** Filter values the search page and the CLI offer (`year`, `province`, `level`, `agency`, `kind`). */
  filters: Record<string, string[]>
  /** Values shown with a hit (`title`, `year`, `agency`, `published`). */
  meta: Record<string, string>
  /** Sort keys (`published`): the order of a bundle's pages (`byNewest`). */
  sort: Record<string, string>
}

/**
 * Make a report page's index record from its page data: the blocks the page shows in its title and sections
 * (section number and heading as one block, each paragraph one block), its section headings as anchors, and the
 * filters, meta and sort values the search offers. A report without a year is filtered as `unknown`; without a
 * region as `unknown` too, except central bodies (中央部门), which have none.
 * @example indexRecordOf(page).filters.year // ['2022']
 */
export function indexRecordOf(page: ReportPageData): IndexRecord {
  const blocks: string[] = []
  const anchors: IndexAnchor[] = []
  const add = (text: string): boolean => {
    const block = text.replace(/\s+/g, ' ').trim()
    if (block) blocks.push(block)
    return block !== ''
  }
  add(page.title)
  const walk = (section: Section, depth: number): void => {
    const heading = (section.number ?? '') + (section.heading ?? (section.number ? '' : kindLabel(section.kind)))
    const location = blocks.length
    if (add(heading)) anchors.push({ element: `h${Math.min(depth, 6)}`, id: section.anchor, text: blocks[location] ?? '', location })
    for (const paragraph of section.paragraphs) add(paragraph)
    for (const child of section.children) walk(child, depth + 1)
  }
  for (const section of page.sections) walk(section, 2)
  const filters: Record<string, string[]> = { year: [page.year === null ? 'unknown' : String(page.year)] }
  if (page.province) filters['province'] = [page.province]
  else if (page.level !== 'central') filters['province'] = ['unknown']
  if (page.level) filters['level'] = [page.level]
  filters['agency'] = [page.agencyName]
  if (page.kinds.length > 0) filters['kind'] = [...page.kinds]
  const meta: Record<string, string> = { title: blocks[0] ?? '' }
  if (page.year !== null) meta['year'] = String(page.year)
  meta['agency'] = page.agencyName.replace(/\s+/g, ' ').trim()
  if (page.published) meta['published'] = page.published
  const { url, year, sort } = plannedPageOf(page)
  return { url, year, blocks, anchors, filters, meta, sort }
}

/**
 * What `planBundles` reads of a page, as its record has it (`indexRecordOf`): the build plans its bundles from this
 * and makes a bundle's records only when it writes that bundle.
 */
export function plannedPageOf(page: Pick<ReportPageData, 'url' | 'year' | 'published'>): PlannedPage {
  const filed = /^\/reports\/(\d{4})\//.exec(page.url)?.[1]
  return { url: page.url, year: page.year ?? (filed ? Number(filed) : null), sort: page.published ? { published: page.published } : {} }
}
