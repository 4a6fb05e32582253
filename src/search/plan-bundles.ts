import { createHash } from 'node:crypto'
import type { IndexRecord } from './index-record.ts'

/** One Pagefind bundle to write: its name, its folder and the pages that go into it. */
export interface BundlePlan {
  /** What `--only-bundle` takes: the year (`2022`), a part of a large year (`2022-2`), `undated`, or `all`. */
  name: string
  /** Folder relative to the site root, ending in `/`: the first bundle is `pagefind/`, the others `pagefind-{name}/`. */
  folder: string
  /** Years of its pages, newest first. */
  years: number[]
  /** Its pages' `group` filter value (the search reads one group at a time), or null when the site is one group. */
  group: string | null
  /** Its pages' records, sorted by URL. */
  records: IndexRecord[]
}

/**
 * Split records into bundles: by year, newest first, then pages without a year (`undated`), each year one group;
 * a year of n pages in K = ceil(n / `bundlePages`) parts, each page in the part its URL hashes to (`partOf`), so a
 * page stays in its part while K stays the same: adding or removing a report changes one part, not every part after
 * it. Parts hold about n / K pages each; a part no page hashes to is left out. The plan depends on the records' URLs
 * and years only, so every job of a build (`--only-bundle`) plans the same bundles.
 * @example planBundles(records, 'year', 1000).map((bundle) => bundle.name) // ['2024', '2024-2', '2023', …, 'undated']
 */
export function planBundles(pages: readonly IndexRecord[], split: 'year' | 'none', bundlePages: number): BundlePlan[] {
  const years = [...new Set(pages.flatMap((page) => (page.year === null ? [] : [page.year])))].sort((a, b) => b - a)
  if (split === 'none') return [{ name: 'all', folder: 'pagefind/', years, group: null, records: [...pages].sort(byUrl) }]
  const keys: (number | null)[] = [...years, ...(pages.some((page) => page.year === null) ? [null] : [])]
  const bundles: BundlePlan[] = []
  for (const year of keys) {
    const members = pages.filter((page) => page.year === year).sort(byUrl)
    const group = year === null ? 'undated' : String(year)
    const parts = Math.max(1, Math.ceil(members.length / Math.max(1, bundlePages)))
    const byPart = Array.from({ length: parts }, (): IndexRecord[] => [])
    for (const page of members) byPart[partOf(page.url, parts)]?.push(page)
    for (const [part, records] of byPart.entries()) {
      if (records.length === 0) continue
      const name = `${group}${part === 0 ? '' : `-${part + 1}`}`
      const folder = bundles.length === 0 ? 'pagefind/' : `pagefind-${name}/`
      bundles.push({ name, folder, years: year === null ? [] : [year], group, records })
    }
  }
  return bundles.length > 0 ? bundles : [{ name: 'all', folder: 'pagefind/', years: [], group: null, records: [] }]
}

/**
 * The part (0 … parts − 1) a page's URL belongs to: the first 48 bits of the URL's SHA-1, modulo the parts. Stable
 * across builds, machines and the other pages of the year; spread evenly, so parts are of about equal size.
 * @example partOf('/reports/2022/tianjin-zwfwb/', 2) // 0 or 1, the same every time
 */
export function partOf(url: string, parts: number): number {
  if (parts <= 1) return 0
  return createHash('sha1').update(url).digest().readUIntBE(0, 6) % parts
}

function byUrl(a: IndexRecord, b: IndexRecord): number {
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0
}
