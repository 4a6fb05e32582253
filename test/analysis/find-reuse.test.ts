import { describe, expect, it } from 'vitest'
import { agencyOfId, createReuseMemo, findReuse, foldOnly, sharedGrams, splitUnits, writePassageTexts, type ReuseKept, type ReuseMemo } from '../../src/analysis/index.ts'
import type { Report } from '../../src/types.ts'
import { composeText, reportOf } from './analysis-helpers.ts'

const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
const edited = '我局建立了覆蓋全縣十二個乡镇的行政执法监督網絡，聘请三十五名特邀行政执法监督员，全年开展专项执法检查42次。'
const stock = '坚持以人民为中心'

function corpus() {
  return [
    reportOf('2022-a', composeText('甲县司法', 2022, { achievements: [copied, `${stock}，甲县推进证明事项告知承诺制改革工作。`] })),
    reportOf('2022-b', composeText('乙县司法', 2022, { achievements: [edited, `${stock}，乙县的公共法律服务平台实现村居全覆盖。`] })),
    reportOf('2023-a', composeText('甲县司法', 2023, { achievements: [copied] })),
    reportOf('2022-c', composeText('丙县司法', 2022, { achievements: [`${stock}，丙县编制权责清单并向社会公布。`] })),
  ]
}

describe('findReuse', () => {
  it('finds a paragraph copied with characters changed, traditional script and other digits', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const links = found.byReport.get('2022-b')?.reuse ?? []
    const toA = links.find((link) => link.other.id === '2022-a')
    expect(toA).toBeDefined()
    expect(toA?.anchor).toBe('achievements-p1')
    expect(toA?.sameAgency).toBe(false)
    expect(toA?.sharedChars).toBeGreaterThanOrEqual(40)
  })

  it('tells the same agency’s earlier year (跨年重复) from another agency (跨机构雷同)', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const links = found.byReport.get('2023-a')?.reuse ?? []
    expect(links.find((link) => link.other.id === '2022-a')?.sameAgency).toBe(true)
    expect(links.find((link) => link.other.id === '2022-b')?.sameAgency).toBe(false)
    expect(found.byReport.get('2023-a')?.reuseCounts).toEqual([{ anchor: 'achievements-p1', reports: 2, sameAgency: 1 }])
  })

  it('does not count a shared stock phrase of eight characters', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const all = [...found.byReport.values()].flatMap((entry) => entry.reuse)
    expect(all.filter((link) => link.anchor === 'achievements-p2')).toEqual([])
    expect(found.byReport.get('2022-c')?.reuse).toEqual([])
    expect(found.byReport.get('2022-c')?.reusedShare).toBe(0)
  })

  it('counts as shared the characters the side-by-side view marks', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const link = found.byReport.get('2022-b')?.reuse.find((entry) => entry.other.id === '2022-a')
    const marked = sharedGrams(foldOnly(edited), foldOnly(copied)).reduce((sum, [from, to]) => sum + to - from, 0)
    expect(marked).toBe(link?.sharedChars)
  })

  it('lists a passage most reports of a year use in a part on the boilerplate list', () => {
    const reports = ['a', 'b', 'c', 'd'].map((slug) => reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { shortcomings: [copied, `${slug}县的问题在于${slug.repeat(3)}。`] })))
    const repeated = findReuse(reports, { agencyOf: agencyOfId }).repeated.get('2022/shortcomings') ?? []
    expect(repeated[0]?.reports).toBe(4)
    expect(repeated[0]?.uses.map((use) => use.id)).toEqual(['2022-a', '2022-b', '2022-c', '2022-d'])
    expect(repeated[0]?.text).toContain('行政执法监督网络')
  })

  it('hands each listing it makes to keepListing, and finds what keepListing gives back', () => {
    const reports = corpus()
    const plain = findReuse(reports, { agencyOf: agencyOfId })
    const handed: string[] = []
    const kept = findReuse(reports, {
      agencyOf: agencyOfId,
      keepListing: (text) => {
        handed.push(text.json)
        return { reuse: [], reuseCounts: [], reusedShare: text.reusedShare + 1 }
      },
    })
    expect(handed.sort()).toEqual([...plain.byReport.values()].map((listing) => JSON.stringify(listing)).sort())
    for (const report of reports) expect(kept.byReport.get(report.id)?.reusedShare).toBe((plain.byReport.get(report.id)?.reusedShare ?? 0) + 1)
  })
})

describe('findReuse with a memo', () => {
  const keyOf = (report: Report): string => JSON.stringify(report.sections)
  const keptFrom = (earlier: ReuseMemo): ReuseKept<Report> => ({ keyOf, earlier, now: createReuseMemo() })
  // Five agencies copying one paragraph, so one report's edit is named by some listings and not by others.
  const reports = ['a', 'b', 'c', 'd', 'e'].map((slug, index) =>
    reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { achievements: [index % 2 === 0 ? copied : edited, `${slug}县的公共法律服务平台实现村居全覆盖，${slug.repeat(4)}。`] })),
  )

  it('finds what it finds without one, from an empty memo and from the memo it filled', () => {
    const plain = findReuse(reports, { agencyOf: agencyOfId })
    const first = keptFrom(createReuseMemo())
    expect(findReuse(reports, { agencyOf: agencyOfId, kept: first })).toEqual(plain)
    expect(first.now.units.size).toBe(reports.length)
    expect(first.now.aligned.size).toBeGreaterThan(0)
    const alignedBefore = first.now.aligned.size
    const second = keptFrom(first.now)
    expect(findReuse(reports, { agencyOf: agencyOfId, kept: second })).toEqual(plain)
    // The earlier memo's units are let go once used; this run's are its own.
    expect(first.now.units.size).toBe(0)
    // Its alignments are moved to this run's memo as they are asked for, not held in both.
    expect(first.now.aligned.size).toBeLessThan(alignedBefore)
    for (const key of second.now.aligned.keys()) expect(first.now.aligned.has(key)).toBe(false)
    expect(second.now.units.size).toBe(reports.length)
    // Nothing changed: every listing was kept, none made anew.
    for (const [key, entry] of second.now.listings) expect(first.now.listings.get(key)).toBe(entry)
  })

  it('after one report changed, finds what a run without the memo finds, and keeps the listings that do not name it', () => {
    const first = keptFrom(createReuseMemo())
    findReuse(reports, { agencyOf: agencyOfId, kept: first })
    // One character of 2022-d's copy: the clusters stay as they were, what others share with 2022-d does not. The
    // closest three of each report are the first of its cluster (all tie), so 2022-e's listing does not name 2022-d.
    const changed = reports.map((report) =>
      report.id === '2022-d' ? reportOf('2022-d', composeText('d县', 2022, { achievements: [edited.replace('三十五', '三十六'), 'd县的公共法律服务平台实现村居全覆盖，dddd。'] })) : report,
    )
    const second = keptFrom(first.now)
    const found = findReuse(changed, { agencyOf: agencyOfId, kept: second })
    expect(found).toEqual(findReuse(changed, { agencyOf: agencyOfId }))
    const kept = [...second.now.listings].filter(([key, entry]) => first.now.listings.get(key) === entry)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(reports.length)
    // A kept listing never names the changed report.
    for (const [, entry] of kept) expect(entry.listing.reuse.some((link) => link.other.id === '2022-d')).toBe(false)
  })

  it('finds the same when the reports\' sections are emptied at releaseTexts and the passages written after, with and without a memo', () => {
    // Copies whose sections are emptied, as the reuse worker empties its own; keys made before, as the worker's are.
    const copies = (from: readonly Report[]) => structuredClone(from) as Report[]
    const keys = new Map(reports.map((report) => [report.id, keyOf(report)]))
    const keyById = (report: Report): string => keys.get(report.id) ?? ''
    const released = (from: readonly Report[], kept?: ReuseMemo) => {
      const own = copies(from)
      let calls = 0
      const memo = kept ? { keyOf: keyById, earlier: kept, now: createReuseMemo() } : undefined
      const found = findReuse(own, {
        agencyOf: agencyOfId,
        ...(memo ? { kept: memo } : {}),
        releaseTexts: () => {
          calls++
          for (const report of own) report.sections = []
        },
      })
      expect(calls).toBe(1)
      expect(own.every((report) => report.sections.length === 0)).toBe(true)
      // Each repeated passage names its paragraph instead of quoting it, until written from the reports.
      const passages = [...found.repeated.values()].flat()
      expect(passages.length).toBeGreaterThan(0)
      expect(passages.every((passage) => passage.text === '' && passage.source !== undefined)).toBe(true)
      writePassageTexts(found.repeated, (id) => from.find((report) => report.id === id))
      return { found, now: memo?.now }
    }
    const plain = findReuse(reports, { agencyOf: agencyOfId })
    const cold = released(reports, createReuseMemo())
    expect(released(reports).found).toEqual(plain)
    expect(cold.found).toEqual(plain)
    // From the memo every unit is kept and few paragraphs are folded: the rest are read as written, after the release.
    expect(released(reports, cold.now).found).toEqual(plain)
    expect(plain.repeated.size).toBeGreaterThan(0)
  })

  it('keeps the listings that do not name a report whose units moved', () => {
    const first = keptFrom(createReuseMemo())
    const before = findReuse(reports, { agencyOf: agencyOfId, kept: first })
    // A sentence of its own before 2022-e's copy: every unit of 2022-e moves one place, its clusters stay the same.
    const changed = reports.map((report) =>
      report.id === '2022-e' ? reportOf('2022-e', composeText('e县', 2022, { achievements: [`e县今年新设立了行政复议咨询接待窗口和网上受理平台。${copied}`, 'e县的公共法律服务平台实现村居全覆盖，eeee。'] })) : report,
    )
    const second = keptFrom(first.now)
    const found = findReuse(changed, { agencyOf: agencyOfId, kept: second })
    expect(found).toEqual(findReuse(changed, { agencyOf: agencyOfId }))
    const unnamed = ['2022-a', '2022-b', '2022-c', '2022-d'].filter((id) => !before.byReport.get(id)?.reuse.some((link) => link.other.id === '2022-e'))
    expect(unnamed.length).toBeGreaterThan(0)
    for (const id of unnamed) expect(found.byReport.get(id)).toBe(before.byReport.get(id))
  })

  it('never uses a kept alignment or listing for texts it was not made from', () => {
    const first = keptFrom(createReuseMemo())
    findReuse(reports, { agencyOf: agencyOfId, kept: first })
    // Another corpus with the same ids: every key differs, so nothing kept is read.
    const others = ['a', 'b', 'c', 'd', 'e'].map((slug) => reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { achievements: [`${slug}县全年办理行政复议案件${slug.repeat(3)}件，纠错率百分之十二，依法公开复议决定书。`] })))
    expect(findReuse(others, { agencyOf: agencyOfId, kept: keptFrom(first.now) })).toEqual(findReuse(others, { agencyOf: agencyOfId }))
  })
})

describe('splitUnits', () => {
  it('joins a short sentence to the next and never makes a unit under 20 characters', () => {
    const { ranges } = splitUnits('一是加强。二是深化行政执法体制改革，推进综合执法。三是其他。')
    expect(ranges).toEqual([[0, 26]])
  })
})
