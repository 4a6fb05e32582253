import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseReports } from '../../src/analysis/index.ts'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { loadReports } from '../../src/build/index.ts'
import { assignPermalinks, composeSiteData, composeSiteParts } from '../../src/site/index.ts'
import { reportsOfYear } from '../../src/site/reports-of-year.ts'
import { statutoryKinds } from '../../src/vocabulary.ts'
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

  it("cuts a year's part pages into pages of the same reports for every part, the first at the part's own address", () => {
    let reads = 0
    const counted = reports.map((report) => {
      const { sections, ...rest } = report
      return Object.defineProperty({ ...rest }, 'sections', { enumerable: true, get: () => (reads++, sections) }) as Report
    })
    const { site } = composeSiteParts({ reports: counted, failures: [], messages: [], siteUrl: 'https://example.org', pathPrefix: '/', reportsPerPartPage: 2 })
    reads = 0
    const pages = site.yearKinds.map((view) => ({ view, entries: view.entries }))
    // Still one read a report for the four parts of its page.
    expect(reads).toBe(reports.length)
    expect(site.years.some((year) => year.partPages.length > 1)).toBe(true)
    for (const year of site.years) {
      const members = reportsOfYear(year)
      expect(year.partPages.map((page) => page.number)).toEqual(year.partPages.map((_, index) => index + 1))
      for (const kind of statutoryKinds) {
        const ofKind = pages.filter(({ view }) => view.yearKey === year.key && view.kind === kind)
        expect(ofKind.map(({ view }) => view.url)).toEqual(year.partPages.map((page) => (page.number === 1 ? `/years/${year.key}/${kind}/` : `/years/${year.key}/${kind}/${page.number}/`)))
        // Each page shows its run of the year's reports, in the year page's order: those with the part, then those without.
        const shown = ofKind.map(({ view, entries }) => {
          const run = members.slice(view.page.first - 1, view.page.last)
          expect(run.length).toBeLessThanOrEqual(2)
          expect(view.page.provinces).toBe([...new Set([run[0], run[run.length - 1]].map((each) => each?.province ?? '地区未知'))].join('—'))
          expect([...entries.map((entry) => entry.report.id), ...view.missing.map((each) => each.id)].sort()).toEqual(run.map((each) => each.id).sort())
          return run.map((each) => each.id)
        })
        expect(shown.flat()).toEqual(members.map((each) => each.id))
      }
    }
  })
})
