import { describe, expect, it } from 'vitest'
import { planBundles, type BundlePlan } from '../../src/search/index.ts'
import type { IndexRecord } from '../../src/search/index.ts'
import { fixturePages } from './fixture-pages.ts'
import { makeIndexRecord } from './make-index-record.ts'

const base = fixturePages.map(makeIndexRecord)[0] as IndexRecord

/** `count` records of `year` at `/reports/{year}/body-{n}/`, n from `from`. */
function yearOf(year: number, count: number, from = 0): IndexRecord[] {
  return Array.from({ length: count }, (_, n) => ({ ...base, url: `/reports/${year}/body-${from + n}/`, year }))
}

function urlsByBundle(plan: readonly BundlePlan[]): Map<string, string[]> {
  return new Map(plan.map((bundle) => [bundle.name, bundle.records.map((record) => record.url)]))
}

describe('planBundles', () => {
  const pages = [...yearOf(2022, 1000), ...yearOf(2021, 250), { ...base, url: '/reports/undated/x/', year: null }]

  it('cuts a year of n pages into ceil(n / bundlePages) parts of about equal size, newest year first, undated last', () => {
    const plan = planBundles(pages, 'year', 300)
    expect(plan.map((bundle) => bundle.name)).toEqual(['2022', '2022-2', '2022-3', '2022-4', '2021', 'undated'])
    expect(plan.map((bundle) => bundle.folder)).toEqual(['pagefind/', 'pagefind-2022-2/', 'pagefind-2022-3/', 'pagefind-2022-4/', 'pagefind-2021/', 'pagefind-undated/'])
    expect(plan.map((bundle) => bundle.group)).toEqual(['2022', '2022', '2022', '2022', '2021', 'undated'])
    const sizes = plan.slice(0, 4).map((bundle) => bundle.records.length)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000)
    for (const size of sizes) expect(size).toBeGreaterThan(200) // 250 on average
    for (const size of sizes) expect(size).toBeLessThan(300)
    const urls = plan.flatMap((bundle) => bundle.records.map((record) => record.url))
    expect(new Set(urls).size).toBe(pages.length)
    for (const bundle of plan) expect(bundle.records.map((record) => record.url)).toEqual(bundle.records.map((record) => record.url).sort())
  })

  it('moves no page when one is added or removed and the number of parts stays: one bundle changes', () => {
    const before = urlsByBundle(planBundles(pages, 'year', 300))
    const added = urlsByBundle(planBundles([...pages, ...yearOf(2022, 1, 5000)], 'year', 300))
    const removed = urlsByBundle(planBundles(pages.filter((page) => page.url !== '/reports/2022/body-500/'), 'year', 300))
    for (const after of [added, removed]) {
      const changed = [...before.keys()].filter((name) => JSON.stringify(before.get(name)) !== JSON.stringify(after.get(name)))
      expect(changed).toHaveLength(1)
    }
  })

  it('plans the same bundles whatever order the pages come in', () => {
    expect(urlsByBundle(planBundles([...pages].reverse(), 'year', 300))).toEqual(urlsByBundle(planBundles(pages, 'year', 300)))
  })

  it('keeps a year within bundlePages whole, and everything in one bundle without a split', () => {
    expect(planBundles(pages, 'year', 1000).map((bundle) => bundle.name)).toEqual(['2022', '2021', 'undated'])
    expect(planBundles(pages, 'none', 300).map((bundle) => [bundle.name, bundle.records.length])).toEqual([['all', pages.length]])
  })
})
