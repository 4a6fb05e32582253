import { describe, expect, it } from 'vitest'
import { analyseBesideReuse, analysisText, assembleAnalysis, findReuse, lazyReportReuse, listingSummaryOf, listingTextOf, reuseSummaryOf } from '../../src/analysis/index.ts'
import { composeText, reportOf } from './analysis-helpers.ts'
import { runCommand } from '../run-script.ts'

const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
const reports = [
  reportOf('2022-a', composeText('甲县司法', 2022, { achievements: [copied, '甲县推进证明事项告知承诺制改革工作。'] })),
  reportOf('2022-b', composeText('乙县司法', 2022, { achievements: [copied.replace('三十', '三十五')] })),
  reportOf('2023-a', composeText('甲县司法', 2023, { achievements: [copied], plans: ['一是建设智慧矫正指挥中心。'] })),
]

describe('a reuse listing handed over as text', () => {
  const found = findReuse(reports, { agencyOf: (report) => report.id.slice(5) })
  const lazy = { byReport: new Map([...found.byReport].map(([id, listing]) => [id, lazyReportReuse(listingTextOf(listing))])), repeated: found.repeated }
  const beside = analyseBesideReuse(reports)

  it('reads, compares and serialises as the parsed listing, in the analysis too', () => {
    expect(found.byReport.get('2023-a')?.reuse.length).toBeGreaterThan(0)
    for (const [id, listing] of found.byReport) {
      const text = lazy.byReport.get(id)
      expect(text).toEqual(listing)
      expect(JSON.stringify(text)).toBe(JSON.stringify(listing))
    }
    const plain = assembleAnalysis(reports, found, beside)
    const fromText = assembleAnalysis(reports, lazy, beside)
    expect(fromText.reports).toEqual(plain.reports)
    for (const [id, analysis] of plain.reports) {
      const other = fromText.reports.get(id)
      // The report's JSON carries its analysis: the same bytes, and the same keys in the same order.
      expect(JSON.stringify(other)).toBe(JSON.stringify(analysis))
      expect(Object.keys(other ?? {})).toEqual(['reuse', 'reuseCounts', 'reusedShare', 'followUp', 'metrics'])
    }
  })

  it('summarises and digests without reading the text, as the parsed one does', () => {
    const plain = assembleAnalysis(reports, found, beside)
    const fromText = assembleAnalysis(reports, lazy, beside)
    for (const [id, analysis] of plain.reports) {
      const other = fromText.reports.get(id)
      if (!other) throw new Error(`no analysis for ${id}`)
      expect(reuseSummaryOf(other)).toEqual(reuseSummaryOf(analysis))
      expect(analysisText(other)).toBe(analysisText(analysis))
    }
    expect(reuseSummaryOf(plain.reports.get('2023-a') ?? { reuse: [], reuseCounts: [] })).toEqual({ paragraphs: 1, others: expect.arrayContaining(['2022-a', '2022-b']) })
    // The summary is what was handed over, not a reading of the text: a text that says otherwise is not read.
    const listing = found.byReport.get('2023-a')
    if (!listing) throw new Error('no listing')
    const handed = lazyReportReuse({ ...listingTextOf(listing), json: 'not read' })
    expect(reuseSummaryOf(handed).others).toEqual(listingTextOf(listing).others)
    const { json: _json, ...summary } = listingTextOf(listing)
    expect(listingSummaryOf(handed)).toEqual(summary)
    expect(listingSummaryOf(listing)).toEqual(summary)
    expect(() => handed.reuse).toThrow(SyntaxError)
  })

  it('changes its digest text when its listing or the rest changes', () => {
    const analysis = assembleAnalysis(reports, lazy, beside).reports.get('2023-a')
    const listing = found.byReport.get('2023-a')
    if (!analysis || !listing) throw new Error('no analysis')
    const base = analysisText(analysis)
    const otherListing = assembleAnalysis(reports, { ...lazy, byReport: new Map([['2023-a', lazyReportReuse(listingTextOf({ ...listing, reusedShare: 0.5 }))]]) }, beside)
    expect(analysisText(otherListing.reports.get('2023-a') ?? analysis)).not.toBe(base)
    expect(analysisText({ ...analysis, metrics: {} })).not.toBe(base)
  })
})

describe('listing summaries, one per report held through the build', () => {
  // What a new V8 could change: if one fails, every report's summary carries a hidden class of its own (one per
  // listing in the reuse worker's heap snapshots, docs/performance.md session 31).
  it('share one hidden class', async () => {
    const run = await runCommand(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', 'test/analysis/fixtures/listing-summaries.ts'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ listings: 40, lazy: 40, places: 40, named: 40 })
  })
})
