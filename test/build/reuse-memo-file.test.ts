import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agencyOfId, createReuseMemo, findReuse, lazyReportReuse, listingTextOf, reuseSummaryOf, type ListingText, type ReuseMemo } from '../../src/analysis/index.ts'
import { readReuseMemo, writeReuseMemo } from '../../src/build/reuse-memo-file.ts'
import { composeText, reportOf } from '../analysis/analysis-helpers.ts'

const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
const reports = ['a', 'b', 'c'].map((slug) => reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { achievements: [copied, `${slug}县推进证明事项告知承诺制改革，${slug.repeat(5)}。`] })))
let work = ''
let memo: ReuseMemo = createReuseMemo()

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'reuse-memo-'))
  const kept = { keyOf: (report: { sections: unknown }) => JSON.stringify(report.sections), earlier: createReuseMemo(), now: createReuseMemo() }
  findReuse(reports, { agencyOf: agencyOfId, kept })
  memo = kept.now
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the reuse memo file', () => {
  it('reads back what was written: units, alignments and listings', async () => {
    const file = path.join(work, 'state', 'analysis.reuse.bin')
    await writeReuseMemo(file, 'v1', memo)
    const read = await readReuseMemo(file, 'v1')
    expect(read.units).toEqual(memo.units)
    expect(read.aligned).toEqual(memo.aligned)
    expect([...read.listings].map(([key, entry]) => [key, entry.listing, entry.reads])).toEqual([...memo.listings].map(([key, entry]) => [key, entry.listing, entry.reads]))
    // A listing is kept as its text and summary, and handed on as those (`listingTextOf`), not parsed and written again.
    expect(memo.listings.size).toBe(3)
    for (const [key, entry] of memo.listings) expect(listingTextOf(read.listings.get(key)?.listing ?? entry.listing)).toEqual(listingTextOf(entry.listing))
    expect([...read.listings.values()].some((entry) => reuseSummaryOf(entry.listing).paragraphs > 0)).toBe(true)
    // Written atomically: no temporary file is left beside it.
    expect(await readdir(path.dirname(file))).toEqual(['analysis.reuse.bin'])
  })

  it('hands each listing on, text and summary, to be kept where the reader says', async () => {
    const file = path.join(work, 'kept', 'analysis.reuse.bin')
    await writeReuseMemo(file, 'v1', memo)
    const handed: ListingText[] = []
    const read = await readReuseMemo(file, 'v1', (text) => (handed.push(text), lazyReportReuse(text)))
    expect(handed).toEqual([...memo.listings.values()].map((entry) => listingTextOf(entry.listing)))
    expect([...read.listings.values()].map((entry) => listingTextOf(entry.listing))).toEqual(handed)
    // Nothing of a file of another version is handed on.
    handed.length = 0
    expect((await readReuseMemo(file, 'v2', (text) => (handed.push(text), lazyReportReuse(text)))).listings.size).toBe(0)
    expect(handed).toEqual([])
  })

  it('gives an empty memo for another analysis version, a broken file or none', async () => {
    const file = path.join(work, 'other', 'analysis.reuse.bin')
    await writeReuseMemo(file, 'v1', memo)
    expect((await readReuseMemo(file, 'v2')).units.size).toBe(0)
    await writeFile(file, 'not a memo')
    expect((await readReuseMemo(file, 'v1')).listings.size).toBe(0)
    expect((await readReuseMemo(path.join(work, 'missing.bin'), 'v1')).aligned.size).toBe(0)
  })
})
