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
 * a year with more than `bundlePages` pages in that many equal parts, by URL. The plan depends on the records' URLs
 * and years only, so every job of a build (`--only-bundle`) plans the same bundles.
 * @example planBundles(records, 'year', 2000).map((bundle) => bundle.name) // ['2024', '2023', …, 'undated']
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
    const size = Math.ceil(members.length / parts)
    for (let part = 0; part < parts; part += 1) {
      const name = `${group}${part === 0 ? '' : `-${part + 1}`}`
      const folder = bundles.length === 0 ? 'pagefind/' : `pagefind-${name}/`
      bundles.push({ name, folder, years: year === null ? [] : [year], group, records: members.slice(part * size, (part + 1) * size) })
    }
  }
  return bundles.length > 0 ? bundles : [{ name: 'all', folder: 'pagefind/', years: [], group: null, records: [] }]
}

function byUrl(a: IndexRecord, b: IndexRecord): number {
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0
}
