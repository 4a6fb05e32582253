import { describe, expect, it } from 'vitest'
import { planBundles, type BundlePlan } from '../../src/search/index.ts'
import { byNewest, partEnd, partPagesAtMost } from '../../src/search/plan-bundles.ts'
import type { IndexRecord } from '../../src/search/index.ts'
import { fixturePages } from './fixture-pages.ts'
import { makeIndexRecord } from './make-index-record.ts'

const base = fixturePages.map(makeIndexRecord)[0] as IndexRecord

/** `count` records of `year` at `/reports/{year}/body-{n}/`, n from `from`, published on one of 60 days; every seventh states no date. */
function yearOf(year: number, count: number, from = 0): IndexRecord[] {
  return Array.from({ length: count }, (_, at) => {
    const n = from + at
    const published = n % 7 === 3 ? null : `${year + 1}-0${1 + (n % 3)}-${String(1 + (n % 20)).padStart(2, '0')}`
    return { ...base, url: `/reports/${year}/body-${n}/`, year, sort: published ? { published } : {}, meta: { ...base.meta } }
  })
}

function urlsByBundle(plan: readonly BundlePlan[]): Map<string, string[]> {
  return new Map(plan.map((bundle) => [bundle.name, bundle.records.map((record) => record.url)]))
}

/** Names of the bundles whose pages differ between two plans (present in one only, or holding other pages). */
function changedBundles(before: Map<string, string[]>, after: Map<string, string[]>): string[] {
  const names = [...new Set([...before.keys(), ...after.keys()])]
  return names.filter((name) => JSON.stringify(before.get(name)) !== JSON.stringify(after.get(name)))
}

describe('planBundles', () => {
  const pages = [...yearOf(2022, 1000), ...yearOf(2021, 250), { ...base, url: '/reports/undated/x/', year: null }]
  const plan = planBundles(pages, 'year', 100)

  it('goes newest year first, undated last, each year newest published first, undated pages last', () => {
    expect(plan.map((bundle) => bundle.years)).toEqual(plan.map((bundle) => bundle.years).sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0)))
    expect(plan.at(-1)?.name).toBe('undated')
    const year2022 = plan.filter((bundle) => bundle.years[0] === 2022).flatMap((bundle) => bundle.records)
    expect(year2022).toHaveLength(1000)
    expect(year2022.map((record) => record.url)).toEqual([...year2022].sort(byNewest).map((record) => record.url))
    const dates = year2022.map((record) => record.sort['published'] ?? '')
    expect(dates[0]).toBe('2023-03-20')
    expect(dates.indexOf('')).toBe(dates.length - year2022.filter((record) => !record.sort['published']).length)
    expect(new Set(plan.flatMap((bundle) => bundle.records.map((record) => record.url))).size).toBe(pages.length)
  })

  it('ends a part after each page whose URL ends one, and names the part by it; the year\'s rest is named by the year', () => {
    for (const bundle of plan) {
      const ends = bundle.records.map((record) => partEnd(record.url, 100))
      expect(ends.slice(0, -1).every((end) => end === null)).toBe(true)
      const last = ends.at(-1)
      const label = bundle.years[0] === undefined ? 'undated' : String(bundle.years[0])
      expect(bundle.name).toBe(last ? `${label}-${last.slice(0, 8)}` : label)
      expect(bundle.group).toBe(bundle.name)
    }
    expect(plan.map((bundle) => bundle.folder)).toEqual(plan.map((bundle, at) => (at === 0 ? 'pagefind/' : `pagefind-${bundle.name}/`)))
    // One URL in a hundred ends a part: 1,000 pages of 2022 make about ten (the URLs are fixed, so is this count).
    const parts2022 = plan.filter((bundle) => bundle.years[0] === 2022)
    expect(parts2022.length).toBeGreaterThan(4)
    expect(parts2022.length).toBeLessThan(20)
  })

  it('changes one bundle when a page is added, changed or removed, two when that page ends a part', () => {
    const before = urlsByBundle(plan)
    const trials: { pages: IndexRecord[]; page: string }[] = []
    for (let n = 0; n < 1000; n += 37) trials.push({ pages: pages.filter((page) => page.url !== `/reports/2022/body-${n}/`), page: `/reports/2022/body-${n}/` })
    for (let n = 5000; n < 5400; n += 13) trials.push({ pages: [...pages, ...yearOf(2022, 1, n)], page: `/reports/2022/body-${n}/` })
    // Pages that end a part: those of the plan removed, and the first such page from 6000 on added.
    for (const bundle of plan.filter((part) => part.name.includes('-'))) {
      const page = bundle.records.at(-1)?.url ?? ''
      trials.push({ pages: pages.filter((record) => record.url !== page), page })
    }
    const next = Array.from({ length: 1000 }, (_, at) => 6000 + at).find((n) => partEnd(`/reports/2022/body-${n}/`, 100) !== null) ?? 0
    trials.push({ pages: [...pages, ...yearOf(2022, 1, next)], page: `/reports/2022/body-${next}/` })
    const ending = trials.filter((trial) => partEnd(trial.page, 100) !== null)
    expect(ending.length).toBeGreaterThan(5) // both kinds are tried
    for (const trial of trials) {
      const changed = changedBundles(before, urlsByBundle(planBundles(trial.pages, 'year', 100)))
      expect(changed).toHaveLength(partEnd(trial.page, 100) === null ? 1 : 2)
    }
    // A page whose date changes moves within its part, or to another: its old part and its new one.
    const moved = pages.map((page) => (page.url === '/reports/2022/body-500/' ? { ...page, sort: { published: '2023-12-31' } } : page))
    expect(changedBundles(before, urlsByBundle(planBundles(moved, 'year', 100))).length).toBeLessThanOrEqual(2)
  })

  it('cuts a part longer than partPagesAtMost × bundlePages again, in order, keeping its name on its last piece', () => {
    // One URL in 10 ends a part: of 3,000 pages' ~300 parts some pass 30 pages (the URLs are fixed, so are they).
    const year = [...yearOf(2022, 3000)].sort(byNewest)
    const most = partPagesAtMost * 10
    const parts = planBundles(year, 'year', 10)
    // The year cut at one URL in 10 alone, as before parts had a most.
    const natural: string[][] = [[]]
    for (const record of year) {
      natural.at(-1)?.push(record.url)
      if (partEnd(record.url, 10) !== null) natural.push([])
    }
    const long = natural.filter((urls) => urls.length > most)
    expect(long.length).toBeGreaterThan(0)
    expect(Math.max(...parts.map((bundle) => bundle.records.length))).toBeLessThanOrEqual(most)
    expect(parts.flatMap((bundle) => bundle.records.map((record) => record.url))).toEqual(year.map((record) => record.url))
    const pieces = parts.map((bundle) => bundle.records.map((record) => record.url))
    for (const urls of natural.filter((part) => part.length > 0)) {
      const first = pieces.findIndex((piece) => piece[0] === urls[0])
      const last = pieces.findIndex((piece) => piece.at(-1) === urls.at(-1))
      // A part within the most is a bundle as it was; a longer one is the pieces from its first page to its last.
      if (urls.length <= most) expect(last).toBe(first)
      else expect(last).toBeGreaterThan(first)
      expect(pieces.slice(first, last + 1).flat()).toEqual(urls)
      // Its name is its last page's, on the last piece.
      const end = partEnd(urls.at(-1) ?? '', 10)
      expect(parts[last]?.name).toBe(end ? `2022-${end.slice(0, 8)}` : '2022')
    }
    expect(new Set(parts.map((bundle) => bundle.name)).size).toBe(parts.length)
  })

  it('changes one bundle when a page that ends no part is removed from a piece of a long part', () => {
    const year = yearOf(2022, 3000)
    const before = urlsByBundle(planBundles(year, 'year', 10))
    const long = planBundles(year, 'year', 10).filter((bundle) => bundle.records.some((record) => partEnd(record.url, 10) === null && partEnd(record.url, 5) !== null))
    expect(long.length).toBeGreaterThan(0)
    let tried = 0
    for (const bundle of long) {
      // A page of a piece of a long part that ends nothing at any level, removed (the piece stays longer than one page).
      const page = bundle.records.find((record, at) => at < bundle.records.length - 1 && [10, 5, 2].every((every) => partEnd(record.url, every) === null))
      if (!page || bundle.records.length < 3) continue
      tried += 1
      expect(changedBundles(before, urlsByBundle(planBundles(year.filter((record) => record !== page), 'year', 10)))).toEqual([bundle.name])
    }
    expect(tried).toBeGreaterThan(0)
  })

  it('plans the same bundles whatever order the pages come in', () => {
    expect(urlsByBundle(planBundles([...pages].reverse(), 'year', 100))).toEqual(urlsByBundle(plan))
  })

  it('keeps a year whole while no page ends a part, and everything in one bundle without a split', () => {
    const small = pages.filter((page) => partEnd(page.url, 100000) === null)
    expect(planBundles(small, 'year', 100000).map((bundle) => bundle.name)).toEqual(['2022', '2021', 'undated'])
    const whole = planBundles(pages, 'none', 100)
    expect(whole.map((bundle) => [bundle.name, bundle.records.length])).toEqual([['all', pages.length]])
    expect(whole[0]?.records).toEqual([...pages].sort(byNewest))
  })
})

describe('byNewest', () => {
  it('puts later years first, then later dates, undated pages last, ties by URL', () => {
    const at = (url: string, published: string | null): IndexRecord => ({ ...base, url, sort: published ? { published } : {} })
    const ordered = [at('/b/', null), at('/a/', '2023-01-02'), at('/c/', '2023-03-01'), at('/d/', '2023-01-02'), at('/e/', null)].sort(byNewest)
    expect(ordered.map((record) => record.url)).toEqual(['/c/', '/a/', '/d/', '/b/', '/e/'])
    const older = { ...at('/f/', '2024-01-01'), year: (base.year ?? 2022) - 1 }
    const yearless = { ...at('/g/', '2024-01-01'), year: null }
    expect([yearless, older, at('/h/', null)].sort(byNewest).map((record) => record.url)).toEqual(['/h/', '/f/', '/g/'])
  })
})
