import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseReports } from '../../src/analysis/index.ts'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { loadReports } from '../../src/build/index.ts'
import { assignPermalinks, composeSiteData, composeSiteParts } from '../../src/site/index.ts'
import { sectionsOfKind } from '../../src/site/sections-of-kind.ts'
import type { Report } from '../../src/types.ts'
import { projectRoot } from './build-temp-site.ts'

let work = ''
let reports: Report[] = []

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'compose-parts-'))
  await generateCorpus({ count: 12, outDir: path.join(work, 'reports'), sourceRoot: path.join(projectRoot, 'reports'), seed: 7 })
  const loaded = await loadReports(path.join(work, 'reports'), { cacheDir: null, workers: 0 })
  reports = assignPermalinks(loaded.reports, { reports: [], regions: {} }).reports
})
afterAll(async () => rm(work, { recursive: true, force: true }))

describe('composeSiteParts', () => {
  it('composes, with the analysis added after, the site composeSiteData composes with it', () => {
    const input = { reports, failures: [], messages: [], siteUrl: 'https://example.org', pathPrefix: '/' }
    const analysis = analyseReports(reports)
    const { site, addAnalysis } = composeSiteParts(input)
    // Composed before the analysis is there: the report pages' sections are rendered later, when it is.
    const sectionsBefore = JSON.stringify(site.reports.map((view) => view.sections))
    const whole = composeSiteData({ ...input, analysis })
    const added = addAnalysis(analysis)
    expect(added).toBe(site)
    const rendered = JSON.stringify(added)
    expect(rendered).toBe(JSON.stringify(whole))
    // The notes the analysis adds beside reused paragraphs are on the pages rendered after it.
    expect(rendered).toContain('篇报告高度相似')
    expect(sectionsBefore).not.toContain('篇报告高度相似')
  })

  it("reads each report's sections once for all of its year's part pages, and lists on each what the reports have", () => {
    let reads = 0
    // As a large build reads them back from the parse cache: counted.
    const counted = reports.map((report) => {
      const { sections, ...rest } = report
      return Object.defineProperty({ ...rest }, 'sections', { enumerable: true, get: () => (reads++, sections) }) as Report
    })
    const { site } = composeSiteParts({ reports: counted, failures: [], messages: [], siteUrl: 'https://example.org', pathPrefix: '/' })
    reads = 0
    const pages = site.yearKinds.map((view) => ({ view, entries: view.entries }))
    expect(reads).toBe(reports.length)
    for (const { view, entries } of pages) {
      const members = reports.filter((report) => site.reports.find((each) => each.id === report.id)?.yearKey === view.yearKey)
      const having = members.filter((report) => sectionsOfKind(report.sections, view.kind).length > 0).map((report) => report.id)
      expect(entries.map((entry) => entry.report.id).sort()).toEqual(having.sort())
      expect(view.missing.map((report) => report.id).sort()).toEqual(members.map((report) => report.id).filter((id) => !having.includes(id)).sort())
      for (const entry of entries) expect(entry.sections.length).toBe(sectionsOfKind(members.find((report) => report.id === entry.report.id)?.sections ?? [], view.kind).length)
    }
    // A page read again is the same page.
    const again = site.yearKinds[1]
    expect(JSON.stringify(again?.entries)).toBe(JSON.stringify(pages[1]?.entries))
  })
})
