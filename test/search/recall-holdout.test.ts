// Recall over the held-out corpora (74 reports of other agencies, levels, years and shapes: pages, tables, lists,
// GBK, UTF-16): every report whose text holds a sampled query is found, and only those, counted exactly.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSearch } from '../../templates/assets/search.core.js'
import type { SiteIndex } from '../../src/search/index.ts'
import { buildSite } from '../../src/build/index.ts'
import { openIndexOrThrow, readIndexedTexts, sampleQueries } from './sample-queries.ts'

const corpora = ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5']
let workDir = ''
let texts = new Map<string, string>()
let index: SiteIndex

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'search-recall-holdout-'))
  const reportsDir = path.join(workDir, 'reports')
  for (const corpus of corpora) {
    const folder = path.resolve(import.meta.dirname, '..', corpus)
    for (const name of await readdir(folder)) {
      if (!name.endsWith('.json')) await cp(path.join(folder, name), path.join(reportsDir, `${corpus}-${name}`))
    }
  }
  const outDir = path.join(workDir, 'site')
  // One bundle: grouping by year is tested elsewhere, and one Pagefind run keeps this test quick.
  const summary = await buildSite({ reportsDir, outDir, search: { split: 'none' } })
  expect(summary.reports.length).toBeGreaterThan(60)
  expect(summary.messages.filter((message) => message.severity === 'error' && message.ruleId.startsWith('pagefind'))).toEqual([])
  texts = await readIndexedTexts(outDir)
  index = await openIndexOrThrow(outDir)
}, 120_000)

afterAll(async () => {
  await index?.destroy()
  await rm(workDir, { recursive: true, force: true })
})

describe('recall over the held-out corpora', () => {
  it('returns exactly the reports holding each sampled 1-, 2-, 4- and 6-character query and word pair', async () => {
    const queries = sampleQueries(texts, [1, 2, 4, 6], 30, 20)
    expect(queries.length).toBeGreaterThan(100)
    expect(queries.some((query) => query.expected.length === 1)).toBe(true)
    expect(queries.some((query) => query.expected.length >= 10)).toBe(true)
    const misses: string[] = []
    for (const query of queries) {
      const found = await runSearch(index, { q: query.q }, 200)
      const urls = (found?.hits ?? []).map((hit) => hit.url).sort()
      if (JSON.stringify(urls) !== JSON.stringify(query.expected) || found?.total !== urls.length) {
        misses.push(`${query.q}: found ${urls.length} (total ${found?.total}), expected ${query.expected.length}`)
      }
    }
    expect(misses).toEqual([])
    // A hang guard: ~25 s alone, past 120 s with the whole suite and other builds on the 2 shared cores.
  }, 300_000)

  it('lists hits newest first: by year, then by publication date, undated last', async () => {
    const found = await runSearch(index, { q: '法治' }, 200)
    const keys = (found?.hits ?? []).map((hit) => `${hit.year || '0000'} ${hit.published || '0000-00-00'}`)
    expect(keys.length).toBeGreaterThan(60)
    expect(new Set(keys.map((key) => key.slice(0, 4))).size).toBeGreaterThan(2)
    expect(keys).toEqual([...keys].sort().reverse())
  }, 60_000)
})
