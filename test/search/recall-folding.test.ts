// Recall across scripts, punctuation, widths and numbers, over the bundled reports and 60 real report openings
// (test/real-openings, 9 in traditional script): every report whose folded text holds a sampled query is
// found, by the page's newest-first pages and "显示更多" and by the CLI's full list, and every shown hit holds it.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSearch, type SearchFound } from '../../templates/assets/search.core.js'
import type { SiteIndex } from '../../src/search/index.ts'
import { buildSite } from '../../src/build/index.ts'
import { foldForTruth, sampleFoldedQueries, type FoldedQuery } from './folded-queries.ts'
import { openIndexOrThrow, readIndexedTexts } from './sample-queries.ts'

const pageSize = 10
let workDir = ''
let texts = new Map<string, string>()
let index: SiteIndex
let queries: FoldedQuery[] = []

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'search-recall-folding-'))
  const reportsDir = path.join(workDir, 'reports')
  await cp(path.resolve(import.meta.dirname, '../../reports'), path.join(reportsDir, 'bundled'), { recursive: true })
  const openings = path.resolve(import.meta.dirname, '../real-openings')
  for (const name of await readdir(openings)) {
    if (name.endsWith('.txt')) await cp(path.join(openings, name), path.join(reportsDir, 'real-openings', name))
  }
  const outDir = path.join(workDir, 'site')
  // Bundles by year, as built for real: the page's first query reads the newest year, "显示更多" the older ones.
  const summary = await buildSite({ reportsDir, outDir })
  expect(summary.reports.length).toBeGreaterThan(60)
  expect(summary.messages.filter((message) => message.severity === 'error' && message.ruleId.startsWith('pagefind'))).toEqual([])
  texts = await readIndexedTexts(outDir)
  index = await openIndexOrThrow(outDir)
  queries = sampleFoldedQueries(texts)
}, 600_000)

afterAll(async () => {
  await index?.destroy()
  await rm(workDir, { recursive: true, force: true })
})

describe('recall across scripts, punctuation and numbers', () => {
  it('samples a few hundred queries of every shape, found in one report and in many', () => {
    expect(queries.length).toBeGreaterThan(250)
    expect(queries.every((query) => query.expected.length > 0 || query.shape === 'two words')).toBe(true)
    expect(queries.some((query) => query.expected.length === 1)).toBe(true)
    expect(queries.some((query) => query.expected.length >= 10)).toBe(true)
    const crossing = queries.filter((query) => query.shape === 'simplified into traditional' && query.q !== foldForTruth(query.q))
    expect(crossing.length).toBeGreaterThan(10)
  })

  it('finds exactly the reports holding each query, in full and with a count never below the truth (the CLI)', async () => {
    const misses: string[] = []
    for (const query of queries) {
      const found = await runSearch(index, { q: query.q }, 500)
      const urls = (found?.hits ?? []).map((hit) => hit.url).sort()
      const wrongCount = !found || found.total < urls.length || (!found.approximate && found.total !== urls.length)
      if (JSON.stringify(urls) !== JSON.stringify(query.expected) || wrongCount) {
        misses.push(`[${query.shape}] ${query.q}: found ${urls.length} (total ${found?.total}), expected ${query.expected.length}`)
      }
    }
    expect(misses).toEqual([])
  }, 600_000)

  it('finds them all on the page too: newest years first, then "显示更多" until it is hidden', async () => {
    const misses: string[] = []
    for (const query of queries) {
      const urls = (await pageThrough(query.q)).map((hit) => hit.url).sort()
      if (JSON.stringify(urls) !== JSON.stringify(query.expected)) misses.push(`[${query.shape}] ${query.q}: found ${urls.length}, expected ${query.expected.length}`)
    }
    expect(misses).toEqual([])
  }, 600_000)

  it('marks in each excerpt the text as written that holds the query', async () => {
    for (const q of ['纲要(2021-2025年)', '罗店镇', '行政執法']) {
      const found = await runSearch(index, { q }, 50)
      for (const hit of found?.hits ?? []) {
        const marks = [...hit.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1] ?? '')
        expect(marks.some((mark) => foldForTruth(mark).includes(foldForTruth(q)))).toBe(true)
      }
    }
  })
})

/** The hits the search page shows for a query: first page, then "显示更多" as long as the page offers it. */
async function pageThrough(q: string): Promise<SearchFound['hits']> {
  for (let limit = pageSize; ; limit += pageSize) {
    const found = await runSearch(index, { q }, limit, { counts: false })
    if (!found) return []
    const more = found.approximate || !found.complete || found.total > found.hits.length
    if (!more) return found.hits
    if (limit > 1000) throw new Error(`“显示更多” never ends for ${q}`)
  }
}
