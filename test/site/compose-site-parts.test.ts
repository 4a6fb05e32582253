import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseReports } from '../../src/analysis/index.ts'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { loadReports } from '../../src/build/index.ts'
import { assignPermalinks, composeSiteData, composeSiteParts } from '../../src/site/index.ts'
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
})
