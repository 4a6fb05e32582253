import { createHash } from 'node:crypto'
import type { PlannedPage } from './index-record.ts'

/**
 * One Pagefind bundle to write: its name, its folder and the pages that go into it, as records (`IndexRecord`) or as
 * what a record is made from when its bundle is written (the build plans its reports, `indexBundles`' `recordOf`).
 */
export interface BundlePlan<P extends PlannedPage = PlannedPage> {
  /**
   * What `--only-bundle` takes: the year (`2022`: the year's last part, or all of it), a part of a large year named
   * by the page that ends it (`2022-3f9a1c2b`), `undated`, or `all`.
   */
  name: string
  /** Folder relative to the site root, ending in `/`: the first bundle is `pagefind/`, the others `pagefind-{name}/`. */
  folder: string
  /** Years of its pages, newest first. */
  years: number[]
  /** Its pages' `group` filter value (the search reads one group at a time), or null when the site is one group. */
  group: string | null
  /** Its pages, newest first (`byNewest`): the order the search lists them in. */
  records: P[]
}

/**
 * Split records into bundles: by year, newest first, then pages without a year (`undated`). Within a year pages go
 * newest published first (`byNewest`), and a large year is cut into parts after each page whose URL ends a part
 * (`partEnd`: one URL in `bundlePages`), so parts hold `bundlePages` pages on average and the search, which reads
 * one part at a time, finds the newest hits in the first part it reads. Where a part ends depends on that page's URL
 * alone, not on how many pages came before it: adding, changing or removing a report changes its own part (two when
 * the page ends a part: one part is split or two are merged), never the parts after it. Each part is a group of its
 * own. The plan depends on the records' URLs, years and publication dates only, so every job of a build
 * (`--only-bundle`) plans the same bundles.
 * @example planBundles(records, 'year', 1000).map((bundle) => bundle.name) // ['2024-3f9a1c2b', '2024', '2023', …, 'undated']
 */
export function planBundles<P extends PlannedPage>(pages: readonly P[], split: 'year' | 'none', bundlePages: number): BundlePlan<P>[] {
  const years = [...new Set(pages.flatMap((page) => (page.year === null ? [] : [page.year])))].sort((a, b) => b - a)
  if (split === 'none') return [{ name: 'all', folder: 'pagefind/', years, group: null, records: [...pages].sort(byNewest) }]
  const keys: (number | null)[] = [...years, ...(pages.some((page) => page.year === null) ? [null] : [])]
  const bundles: BundlePlan<P>[] = []
  const names = new Set<string>()
  for (const year of keys) {
    const label = yearLabel(year)
    for (const part of cutParts(pages.filter((page) => page.year === year).sort(byNewest), bundlePages)) {
      let name = part.end === null ? label : `${label}-${part.end.slice(0, 8)}`
      // Two URLs of a year sharing 32 bits of their SHA-1: the later part takes the whole digest.
      if (names.has(name)) name = `${label}-${part.end}`
      names.add(name)
      const folder = bundles.length === 0 ? 'pagefind/' : `pagefind-${name}/`
      bundles.push({ name, folder, years: year === null ? [] : [year], group: name, records: part.records })
    }
  }
  return bundles.length > 0 ? bundles : [{ name: 'all', folder: 'pagefind/', years: [], group: null, records: [] }]
}

/** A year's bundles are named by it (`2022`, its parts `2022-3f9a1c2b`); pages without a year by `undated`. */
export function yearLabel(year: number | null): string {
  return year === null ? 'undated' : String(year)
}

/**
 * Most pages a part holds, in `bundlePages`. A cut falls after any page with the same chance, so parts come in very
 * unequal sizes, and the largest grows with the archive: of 100,000 reports' ~100 parts the largest held 6,493
 * pages, and writing its bundle took ~1.5 GB (docs/performance.md, session 26). A longer part is cut again the same
 * way at one page in half as many (`cutLongParts`).
 */
export const partPagesAtMost = 3

/** A year's pages of one part, in order; `end` names it by the page that ends it, null for the year's rest. */
interface Part<P> {
  end: string | null
  records: P[]
}

/** Pages in order, cut after each page that ends a part. */
function cutParts<P extends PlannedPage>(members: readonly P[], bundlePages: number): Part<P>[] {
  const every = Math.max(1, Math.floor(bundlePages))
  return cutLongParts(cutAt(members, every, null), every, every * partPagesAtMost)
}

/** Pages in order, cut after each page whose URL ends a part at one URL in `every`; the rest is named by `end`. */
function cutAt<P extends PlannedPage>(members: readonly P[], every: number, end: string | null): Part<P>[] {
  const parts: Part<P>[] = []
  let records: P[] = []
  for (const page of members) {
    records.push(page)
    const pageEnd = partEnd(page.url, every)
    if (pageEnd === null) continue
    parts.push({ end: pageEnd, records })
    records = []
  }
  if (records.length > 0) parts.push({ end, records })
  return parts
}

/**
 * Each part of more than `most` pages cut again, at one URL in half of `every`, and so on (at one in one, every page
 * ends a part). The cuts still depend on the pages' URLs alone, so a report added or removed changes its own part
 * (two, when its page ends one) unless that makes a part cross `most` and be cut again or no longer. A part cut
 * again keeps its name (its last page's) on its last piece.
 */
function cutLongParts<P extends PlannedPage>(parts: Part<P>[], every: number, most: number): Part<P>[] {
  if (every <= 1) return parts
  const finer = Math.floor(every / 2)
  return parts.flatMap((part) => (part.records.length > most ? cutLongParts(cutAt(part.records, finer, part.end), finer, most) : [part]))
}

/**
 * Whether a page ends its part, from its URL alone: when the first 48 bits of the URL's SHA-1 are a multiple of
 * `bundlePages` (one URL in `bundlePages`), the rest of that SHA-1 in hex (the part is named by its first 8 digits);
 * otherwise null.
 * Stable across builds, machines and the other pages of the year.
 * @example partEnd('/reports/2022/tianjin-zwfwb/', 1000) // null, or e.g. '3f9a1c2b…' (28 hex digits) for one URL in a thousand
 */
export function partEnd(url: string, bundlePages: number): string | null {
  const digest = createHash('sha1').update(url).digest()
  return digest.readUIntBE(0, 6) % Math.max(1, Math.floor(bundlePages)) === 0 ? digest.toString('hex', 6) : null
}

/**
 * Newest first, the order the search lists pages in: by the year reported on, latest first, pages without one last
 * (within a bundle of the year split all have the same); then by publication date, latest first, pages that state
 * none last; ties by URL.
 */
export function byNewest(a: PlannedPage, b: PlannedPage): number {
  if (a.year !== b.year) return a.year === null ? 1 : b.year === null ? -1 : b.year - a.year
  const [left, right] = [a.sort['published'] ?? '', b.sort['published'] ?? '']
  if (left !== right) return left === '' ? 1 : right === '' ? -1 : left > right ? -1 : 1
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0
}
