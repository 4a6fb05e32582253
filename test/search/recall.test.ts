// Recall over the four bundled reports: every report whose text holds a query is found, and only those.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSearch } from '../../templates/assets/search.core.js'
import type { SiteIndex } from '../../src/search/index.ts'
import { buildSite } from '../../src/build/index.ts'
import { openIndexOrThrow, pagesHolding as pagesHoldingFolded, readIndexedTexts, sampleQueries } from './sample-queries.ts'

let outDir = ''
let texts = new Map<string, string>()
let instance: SiteIndex

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'search-recall-'))
  const summary = await buildSite({ outDir })
  expect(summary.reports.length).toBe(4)
  expect(summary.messages.filter((message) => message.severity === 'error')).toEqual([])
  texts = await readIndexedTexts(outDir)
  instance = await openIndexOrThrow(outDir)
}, 120_000)

afterAll(async () => {
  await instance?.destroy()
  await rm(outDir, { recursive: true, force: true })
})

describe('recall over the bundled reports', () => {
  it('finds 营商环境 and 行政复议 in every report that holds them', async () => {
    for (const q of ['营商环境', '行政复议']) {
      const expected = pagesHolding(q)
      expect(expected.length).toBeGreaterThan(0)
      expect(await foundPages(q)).toEqual(expected)
    }
    expect(pagesHolding('营商环境')).toHaveLength(4)
  })

  it('returns exactly the reports holding each of ~180 sampled 2-, 3-, 4- and 6-character queries and word pairs', async () => {
    const queries = sampleQueries(texts, [2, 3, 4, 6], 40, 20)
    expect(queries.length).toBeGreaterThan(150)
    // The sample must exercise both sides: phrases in one report only and phrases in several.
    expect(queries.some((query) => query.expected.length === 1)).toBe(true)
    expect(queries.some((query) => query.expected.length >= 3)).toBe(true)
    const misses: string[] = []
    for (const query of queries) {
      const found = await foundPages(query.q)
      if (JSON.stringify(found) !== JSON.stringify(query.expected)) misses.push(`${query.q}: found ${found.join(' ')} expected ${query.expected.join(' ')}`)
    }
    expect(misses).toEqual([])
  }, 120_000)

  it('counts exactly, marks the whole phrase and shows no word breaks', async () => {
    const found = await runSearch(instance, { q: '营商环境' }, 50)
    expect(found?.total).toBe(pagesHolding('营商环境').length)
    expect(found?.approximate).toBe(false)
    for (const hit of found?.hits ?? []) {
      expect(hit.excerpt).toContain('<mark>营商环境</mark>')
      expect(hit.excerpt + hit.title).not.toMatch(/\u200b|(?<=\p{Script=Han}) (?=\p{Script=Han})/u)
      for (const sub of hit.sub_results) {
        expect(sub.url).toMatch(/#[a-z]+(-[\d]+)*$/)
        expect(sub.excerpt).toContain('<mark>营商环境</mark>')
        expect(sub.title).not.toContain('\u200b')
      }
    }
  })

  it('lists hits by year, newest first', async () => {
    const found = await runSearch(instance, { q: '营商环境' }, 50)
    const years = (found?.hits ?? []).map((hit) => Number(hit.year))
    expect(years).toEqual([...years].sort((a, b) => b - a))
    expect(new Set(years).size).toBeGreaterThan(1)
  })

  it('ranks, across years, a report that dwells on a phrase above one that mentions it once', async () => {
    const query = '营商环境'
    const found = await runSearch(instance, { q: query, sort: 'relevance' }, 50)
    const counts = (found?.hits ?? []).map((hit) => occurrences(texts.get(hit.url) ?? '', query))
    expect(counts.length).toBeGreaterThan(1)
    expect(counts[0]).toBe(Math.max(...counts))
    expect(counts.at(-1)).toBe(Math.min(...counts))
  })

  it('keeps filter values and titles as written', async () => {
    const found = await runSearch(instance, { q: '行政复议' }, 50)
    for (const value of Object.keys(found?.filters['province'] ?? {})) expect(value).not.toContain('\u200b')
    expect(found?.hits[0]?.title).toMatch(/^\S+$/)
    expect(Object.values(found?.filters['year'] ?? {}).reduce((a, b) => a + b, 0)).toBe(found?.total)
  })
})

async function foundPages(q: string): Promise<string[]> {
  const found = await runSearch(instance, { q }, 50)
  expect(found?.total).toBe(found?.hits.length)
  return (found?.hits ?? []).map((hit) => hit.url).sort()
}

function pagesHolding(q: string): string[] {
  return pagesHoldingFolded(texts, q)
}

function occurrences(text: string, phrase: string): number {
  return text.split(phrase).length - 1
}
