import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexBundles, indexSite, openSiteIndex, planBundles, searchSite, type SiteIndex } from '../../src/search/index.ts'
import { partEnd } from '../../src/search/plan-bundles.ts'
import { countResults, runSearch } from '../../templates/assets/search.core.js'
import { fixturePages } from './fixture-pages.ts'
import { makeIndexRecord } from './make-index-record.ts'

let site = ''
const records = fixturePages.map(makeIndexRecord)

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'search-index-'))
})
afterAll(async () => {
  await rm(site, { recursive: true, force: true })
})

describe('indexSite', () => {
  it('writes one bundle per year, newest first, and a manifest listing them', async () => {
    const result = await indexSite(site, records, { split: 'year' })
    expect(result.messages).toEqual([])
    expect(result.value?.pages).toBe(3)
    expect(result.value?.bundles).toEqual([
      { path: 'pagefind/', years: [2022], pages: 2, group: '2022' },
      { path: 'pagefind-2020/', years: [2020], pages: 1, group: '2020' },
    ])
    const manifest = JSON.parse(await readFile(path.join(site, 'pagefind-shards.json'), 'utf8'))
    expect(manifest.shards).toEqual(result.value?.bundles)
    // Merged bundles load code and wasm from the primary bundle, so they carry data only.
    expect((await readdir(path.join(site, 'pagefind-2020'))).some((name) => name.endsWith('.js'))).toBe(false)
    expect(await readdir(path.join(site, 'pagefind'))).toContain('pagefind.js')
  })

  it('writes identical bundles on a second run', async () => {
    const first = await snapshot(site)
    await indexSite(site, records, { split: 'year' })
    expect(await snapshot(site)).toEqual(first)
  })

  it('writes a plan made beforehand (indexBundles) as indexSite writes its own, byte for byte', async () => {
    const planned = await mkdtemp(path.join(tmpdir(), 'search-planned-'))
    try {
      const result = await indexBundles(planned, planBundles(records, 'year', 1000))
      expect(result.messages).toEqual([])
      expect(result.value?.pages).toBe(3)
      expect(await snapshot(planned)).toEqual(await snapshot(site))
    } finally {
      await rm(planned, { recursive: true, force: true })
    }
  })

  it('makes a bundle\'s records only when it writes that bundle, from a plan of pages that are not records yet', async () => {
    const planned = await mkdtemp(path.join(tmpdir(), 'search-planned-'))
    try {
      // Planned from what planning reads; each page's record made by `recordOf` when its bundle is written.
      const pages = records.map((record) => ({ url: record.url, year: record.year, sort: record.sort, record }))
      const made: string[] = []
      const recordOf = (page: (typeof pages)[number]) => (made.push(page.url), page.record)
      const plan = planBundles(pages, 'year', 1000)
      const all = await indexBundles(planned, plan, { recordOf })
      expect(all.value?.pages).toBe(3)
      expect(await snapshot(planned)).toEqual(await snapshot(site))
      made.length = 0
      const one = await indexBundles(planned, plan, { recordOf, only: ['2020'] })
      expect(one.messages).toEqual([])
      expect(made).toEqual(['/reports/2020/tianjin-wuqing/'])
      expect(await snapshot(planned)).toEqual(await snapshot(site))
    } finally {
      await rm(planned, { recursive: true, force: true })
    }
  })

  it('finds a 2-character and a 4-character query across all bundles', async () => {
    const short = await searchSite(site, { q: '普法' })
    expect(short.value?.hits.map((hit) => hit.url).sort()).toEqual([
      '/reports/2020/tianjin-wuqing/',
      '/reports/2022/bazhong-zwfwdsjj/',
      '/reports/2022/tianjin-zwfwb/',
    ])
    const long = await searchSite(site, { q: '营商环境' })
    expect(long.value?.hits.map((hit) => hit.url).sort()).toEqual(['/reports/2022/bazhong-zwfwdsjj/', '/reports/2022/tianjin-zwfwb/'])
    expect(long.value?.hits[0]?.excerpt).toContain('<mark>营商环境</mark>')
  })

  it('finds a phrase from one report only, with a sub-result at its section', async () => {
    const found = await searchSite(site, { q: '公平竞争审查' })
    expect(found.value?.hits.map((hit) => hit.url)).toEqual(['/reports/2020/tianjin-wuqing/'])
    expect(found.value?.hits[0]?.sub_results[0]?.url).toBe('/reports/2020/tianjin-wuqing/#achievements')
    expect(found.value?.hits[0]?.title).toBe('天津市武清区2020年法治政府建设年度报告')
    expect(found.value?.hits[0]?.agency).toBe('天津市武清区人民政府')
  })

  it('narrows by year and reports filter counts', async () => {
    const found = await searchSite(site, { q: '普法', year: '2020' })
    expect(found.value?.hits.map((hit) => hit.url)).toEqual(['/reports/2020/tianjin-wuqing/'])
    const all = await searchSite(site, { q: '普法' })
    expect(all.value?.filters['year']).toEqual({ '2020': 1, '2022': 2 })
  })

  it('refuses a filter value the index does not hold, naming those it does; takes the Chinese label', async () => {
    const found = await searchSite(site, { q: '普法', province: '广东' })
    expect(found.value).toBeNull()
    expect(found.messages).toEqual([expect.objectContaining({ file: '--province', ruleId: 'unknown-filter-value', reason: '没有省份“广东”；可选：四川省、天津市' })])
    const labelled = await searchSite(site, { q: '普法', year: '2020年度', level: '县级' })
    expect(labelled.value?.hits.map((hit) => hit.url)).toEqual(['/reports/2020/tianjin-wuqing/'])
  })

  it('keeps only sub-results in the chosen part when a kind is chosen', async () => {
    const found = await searchSite(site, { q: '普法', kind: 'shortcomings' })
    const hits = found.value?.hits ?? []
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      expect(hit.sub_results.length).toBeGreaterThan(0)
      for (const sub of hit.sub_results) expect(sub.url).toMatch(/#shortcomings(-|$)/)
    }
  })

  it('bakes the path prefix into result URLs', async () => {
    const prefixed = await mkdtemp(path.join(tmpdir(), 'search-prefix-'))
    try {
      const result = await indexSite(prefixed, records.slice(0, 1), { pathPrefix: 'archive', split: 'none' })
      expect(result.value?.bundles).toEqual([{ path: 'pagefind/', years: [2022], pages: 1, group: null }])
      const found = await searchSite(prefixed, { q: '宪法宣传周' })
      expect(found.value?.hits[0]?.url).toBe('/archive/reports/2022/tianjin-zwfwb/')
      expect(found.value?.hits[0]?.sub_results[0]?.url).toBe('/archive/reports/2022/tianjin-zwfwb/#achievements-1')
    } finally {
      await rm(prefixed, { recursive: true, force: true })
    }
  })

  it('reads only the newest year for a first query it can fill there, the rest and filter chunks on demand', async () => {
    await withRequests(site, async (instance, requests) => {
      const first = await runSearch(instance, { q: '普法' }, 2, { counts: false })
      expect(first).toMatchObject({ total: 2, complete: false, filters: {} })
      expect(first?.hits.map((hit) => hit.year)).toEqual(['2022', '2022'])
      expect(requests.some((url) => url.includes('pagefind-2020/'))).toBe(false)
      expect(requests.filter((url) => url.includes('/filter/'))).toHaveLength(1) // the group filter only
      const more = await runSearch(instance, { q: '普法' }, 10, { counts: false })
      expect(more).toMatchObject({ total: 3, complete: true })
      expect(more?.hits.map((hit) => hit.year)).toEqual(['2022', '2022', '2020'])
      expect(await countResults(instance, { q: '普法' })).toMatchObject({ total: 3, filters: { year: { '2020': 1, '2022': 2 } } })
      expect(requests.filter((url) => url.includes('/filter/')).length).toBeGreaterThan(2)
    })
  })

  it('splits a large year into bundles of bounded size, written in parallel, finding the same pages byte for byte each run', async () => {
    const progress: string[] = []
    const result = await indexSite(site, records, { bundlePages: 1, parallel: 2, onProgress: (done, total) => progress.push(`${done}/${total}`) })
    expect(result.messages).toEqual([])
    // Pages added in three worker threads still count up once each, to the whole.
    expect(progress).toEqual(['1/3', '2/3', '3/3'])
    // Every page ends a part of one page, named by its URL; newest published first, each part a group of its own.
    const named = (url: string, year: number): string => `${year}-${partEnd(url, 1)?.slice(0, 8)}`
    const names = [named('/reports/2022/bazhong-zwfwdsjj/', 2022), named('/reports/2022/tianjin-zwfwb/', 2022), named('/reports/2020/tianjin-wuqing/', 2020)]
    expect(result.value?.bundles).toEqual([
      { path: 'pagefind/', years: [2022], pages: 1, group: names[0] },
      { path: `pagefind-${names[1]}/`, years: [2022], pages: 1, group: names[1] },
      { path: `pagefind-${names[2]}/`, years: [2020], pages: 1, group: names[2] },
    ])
    const found = await searchSite(site, { q: '普法' })
    expect(found.value?.hits.map((hit) => hit.url)).toEqual(['/reports/2022/bazhong-zwfwdsjj/', '/reports/2022/tianjin-zwfwb/', '/reports/2020/tianjin-wuqing/'])
    const first = await snapshot(site)
    await indexSite(site, records, { bundlePages: 1, parallel: 2 })
    expect(await snapshot(site)).toEqual(first)
  })

  it('reads the parts of a year newest first, and only as many as fill the first query', async () => {
    // The site as the test above left it: three parts of one page, bazhong (published 2023-02-10) first.
    await withRequests(site, async (instance, requests) => {
      const one = await runSearch(instance, { q: '普法' }, 1, { counts: false })
      expect(one).toMatchObject({ total: 1, complete: false })
      expect(one?.hits.map((hit) => hit.url)).toEqual(['/reports/2022/bazhong-zwfwdsjj/'])
      expect(requests.filter((url) => /\/pagefind-\d{4}-/.test(url))).toEqual([])
      const two = await runSearch(instance, { q: '普法' }, 2, { counts: false })
      expect(two?.hits.map((hit) => hit.url)).toEqual(['/reports/2022/bazhong-zwfwdsjj/', '/reports/2022/tianjin-zwfwb/'])
      expect(requests.some((url) => url.includes(`/pagefind-2020-`))).toBe(false)
    })
  })

  it('writes one bundle at a time while the caller is busy, and all of them even if it stays busy, the same bytes', async () => {
    const whole = await snapshot(site)
    const busy = await mkdtemp(path.join(tmpdir(), 'search-busy-'))
    try {
      // Never settles: the first slot alone must write every bundle, and the call must still return.
      const result = await indexSite(busy, records, { bundlePages: 1, parallel: 2, whileBusy: new Promise(() => {}) })
      expect(result.messages).toEqual([])
      expect(result.value?.bundles).toHaveLength(3)
      expect(await snapshot(busy)).toEqual(whole)
      let idle = (): void => {}
      const rendering = new Promise<void>((resolve) => (idle = resolve))
      const pending = indexSite(busy, records, { bundlePages: 1, parallel: 2, whileBusy: rendering, onProgress: (done) => done === 1 && idle() })
      expect((await pending).messages).toEqual([])
      expect(await snapshot(busy)).toEqual(whole)
    } finally {
      await rm(busy, { recursive: true, force: true })
    }
  })

  it('once started, writes a bundle in its own thread while the calling thread is blocked, a single bundle too', async () => {
    const blocked = await mkdtemp(path.join(tmpdir(), 'search-blocked-'))
    try {
      const entry = path.join(blocked, 'pagefind', 'pagefind-entry.json')
      let writtenWhileBlocked = false
      const result = await indexSite(blocked, records, {
        split: 'none',
        parallel: 2,
        whileBusy: new Promise(() => {}),
        // Hold this thread as the build's synchronous analysis does, until the bundle is on disk (a hang guard only).
        onStarted: () => {
          const guard = Date.now() + 240_000
          const pause = new Int32Array(new SharedArrayBuffer(4))
          while (!existsSync(entry) && Date.now() < guard) Atomics.wait(pause, 0, 0, 50)
          writtenWhileBlocked = existsSync(entry)
        },
      })
      expect(result.messages).toEqual([])
      expect(writtenWhileBlocked).toBe(true)
    } finally {
      await rm(blocked, { recursive: true, force: true })
    }
  })

  it('writes one bundle per job (--only-bundle); the jobs merged are the whole build, byte for byte', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'search-jobs-'))
    try {
      const [whole, newest, older] = ['whole', 'newest', 'older'].map((name) => path.join(root, name))
      await indexSite(whole as string, records)
      const first = await indexSite(newest as string, records, { only: ['2022'] })
      const second = await indexSite(older as string, records, { only: ['2020'] })
      expect([...first.messages, ...second.messages]).toEqual([])
      // Each job writes its bundle and the whole manifest, nothing of the other bundle.
      expect(await readdir(newest as string)).not.toContain('pagefind-2020')
      expect(await readdir(older as string)).not.toContain('pagefind')
      await cp(path.join(older as string, 'pagefind-2020'), path.join(newest as string, 'pagefind-2020'), { recursive: true })
      expect(await snapshot(newest as string)).toEqual(await snapshot(whole as string))
      const unknown = await indexSite(older as string, records, { only: ['2021'] })
      expect(unknown.value).toBeNull()
      expect(unknown.messages[0]).toMatchObject({ ruleId: 'unknown-bundle', severity: 'error' })
      expect(unknown.messages[0]?.reason).toContain('2022、2020')
      // A year cut in parts: its year takes every part, a part's name that part alone.
      const parts = path.join(root, 'parts')
      const byYear = await indexSite(parts, records, { bundlePages: 1, only: ['2022'] })
      const [newestPart, olderPart, oldest] = byYear.value?.bundles.map((bundle) => bundle.path) ?? []
      expect((await readdir(parts)).filter((name) => name.startsWith('pagefind-')).sort()).toEqual([olderPart?.replace(/\/$/, ''), 'pagefind-shards.json'])
      expect(await readdir(parts)).toContain(newestPart?.replace(/\/$/, ''))
      const one = path.join(root, 'one')
      const named = oldest?.replace(/^pagefind-|\/$/g, '') ?? ''
      expect((await indexSite(one, records, { bundlePages: 1, only: [named] })).messages).toEqual([])
      expect((await readdir(one)).filter((name) => name.startsWith('pagefind'))).toEqual([oldest?.replace(/\/$/, ''), 'pagefind-shards.json'])
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('keeps pages without a year in a last group of their own', async () => {
    const undated = await mkdtemp(path.join(tmpdir(), 'search-undated-'))
    try {
      const [first, second] = fixturePages.slice(0, 2).map(makeIndexRecord)
      if (!first || !second) throw new Error('two fixture pages expected')
      const yearless = { ...first, url: '/reports/undated/tianjin-zwfwb/', year: null, filters: { ...first.filters, year: ['unknown'] } }
      const result = await indexSite(undated, [yearless, second])
      expect(result.value?.bundles.map((bundle) => bundle.group)).toEqual(['2022', 'undated'])
      const found = await searchSite(undated, { q: '普法' })
      expect(found.value?.hits.map((hit) => hit.url)).toEqual(['/reports/2022/bazhong-zwfwdsjj/', '/reports/undated/tianjin-zwfwb/'])
    } finally {
      await rm(undated, { recursive: true, force: true })
    }
  })

  it('says which folder has no index', async () => {
    const found = await searchSite(path.join(site, 'nowhere'), { q: '普法' })
    expect(found.value).toBeNull()
    expect(found.messages[0]).toMatchObject({ ruleId: 'no-index', severity: 'error' })
    expect(found.messages[0]?.file).toContain('nowhere')
  })
})

/** Open a site's index and run `search` with the URLs it fetches listed as they are requested. */
async function withRequests(siteDir: string, search: (instance: SiteIndex, requests: string[]) => Promise<void>): Promise<void> {
  const opened = await openSiteIndex(siteDir)
  const instance = opened.value
  if (!instance) throw new Error(opened.messages.map((entry) => entry.reason).join('; '))
  const requests: string[] = []
  const fetched = globalThis.fetch
  globalThis.fetch = (input, init) => {
    requests.push(String(input instanceof Request ? input.url : input))
    return fetched(input, init)
  }
  try {
    await search(instance, requests)
  } finally {
    globalThis.fetch = fetched
    await instance.destroy()
  }
}

async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(root, file)] = createHash("sha256").update(await readFile(file)).digest("hex")
  }
  return files
}
