import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexSite, searchSite } from '../../src/search/index.ts'
import { chunkEntries } from '../../src/search/pagefind-format/write-index-data.ts'
import { makeIndexRecord } from './make-index-record.ts'

// 60 reports, each with 法 before 150 characters of its own range: the pairs 法X hold far more entries than one word
// chunk, as a common character's do in a bundle of a thousand real reports.
const reports = Array.from({ length: 60 }, (_, at) => {
  const text = Array.from({ length: 150 }, (_, k) => `法${String.fromCodePoint(0x4e00 + ((at * 150 + k) % 6000))}`).join('，')
  return makeIndexRecord({
    year: 2022,
    slug: `r${String(at).padStart(2, '0')}`,
    title: `第${at}号报告`,
    agency: `第${at}局`,
    province: '天津市',
    level: 'department',
    published: '2023-01-20',
    sections: [{ anchor: 'achievements', kind: 'achievements', heading: '一、主要举措和成效', paragraphs: [text] }],
  })
})

let site = ''
beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'search-prefix-'))
  const result = await indexSite(site, reports, { split: 'none' })
  expect(result.messages).toEqual([])
})
afterAll(async () => {
  await rm(site, { recursive: true, force: true })
})

describe('a one-character query', () => {
  it('finds every report holding it, though the pairs it starts fill several chunks', async () => {
    // Pagefind loads one chunk per query term: the character's pairs must not be cut across chunks.
    expect(60 * 150 * 3).toBeGreaterThan(2 * chunkEntries)
    const found = await searchSite(site, { q: '法' })
    expect(found.messages).toEqual([])
    expect(found.value?.total).toBe(60)
    // Characters 4,500–4,649 of the range are report 30's alone (the range wraps at 6,000).
    const one = await searchSite(site, { q: String.fromCodePoint(0x4e00 + 4500) })
    expect(one.value?.hits.map((hit) => hit.url)).toEqual(['/reports/2022/r30/'])
  }, 60_000)
})
