import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseReports } from '../../src/analysis/index.ts'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { loadReports } from '../../src/build/index.ts'
import { composeYearAnalysis, rankedPerYearPage } from '../../src/site/compose-analysis.ts'
import { assignPermalinks, composeSiteData } from '../../src/site/index.ts'
import type { SiteData } from '../../src/site/view-types.ts'
import { projectRoot } from './build-temp-site.ts'

let work = ''
let site: SiteData

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'year-analysis-'))
  await generateCorpus({ count: 30, outDir: path.join(work, 'reports'), sourceRoot: path.join(projectRoot, 'reports'), seed: 11 })
  const loaded = await loadReports(path.join(work, 'reports'), { cacheDir: null, workers: 0 })
  const reports = assignPermalinks(loaded.reports, { reports: [], regions: {} }).reports
  site = composeSiteData({ reports, failures: [], messages: [], siteUrl: 'https://example.org', pathPrefix: '/', analysis: analyseReports(reports) })
}, 120_000)
afterAll(async () => rm(work, { recursive: true, force: true }))

describe('composeYearAnalysis', () => {
  it('shows the top of each ranking and counts all of it', () => {
    // The year with the most reports ranked, so that a limit of 2 cuts it.
    const year = [...site.years].sort((a, b) => (b.analysis?.reuseTotal ?? 0) - (a.analysis?.reuseTotal ?? 0))[0]
    if (!year?.analysis) throw new Error('no year has an analysis')
    const all = composeYearAnalysis(year, site.agencies, site.reports, Number.POSITIVE_INFINITY)
    expect(all.reuse.length).toBeGreaterThan(2)
    expect(all.reuseTotal).toBe(all.reuse.length)
    // Every analysed report of the year is ranked once, highest share first.
    expect(all.reuse.length).toBe(site.reports.filter((view) => view.yearKey === year.key && view.analysis).length)
    const shares = all.reuse.map((row) => row.analysis.reusedShare)
    expect(shares).toEqual([...shares].sort((a, b) => b - a))

    const top = composeYearAnalysis(year, site.agencies, site.reports, 2)
    expect(top.reuse).toEqual(all.reuse.slice(0, 2))
    expect(top.reuseTotal).toBe(all.reuse.length)
    expect(top.followUp).toEqual(all.followUp.slice(0, 2))
    expect(top.followUpTotal).toBe(all.followUp.length)
    // The site's year page has the default limit.
    expect(year.analysis.reuse).toEqual(all.reuse.slice(0, rankedPerYearPage))
    expect(year.analysis.reuseTotal).toBe(all.reuse.length)
  })
})
