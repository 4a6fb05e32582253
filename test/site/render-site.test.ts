import { readdirSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { composeSiteData, readPermalinkRegistry, renderSite } from '../../src/site/index.ts'
import { emptySelection, pageWeights, splitSelection } from '../../src/site/render-site.ts'
import { buildTempSite, hashTree } from './build-temp-site.ts'

describe('renderSite', () => {
  it('writes the same files in runs of a few pages as in one run, each page once', async () => {
    const built = await buildTempSite(['hostile'], { index: false })
    const registry = await readPermalinkRegistry(built.reportsDir)
    const site = composeSiteData({
      reports: built.summary.reports,
      failures: built.summary.failures,
      messages: built.summary.messages,
      siteUrl: 'http://localhost:8080',
      pathPrefix: '/',
      regionSlugs: registry.value.regions,
    })
    const work = await mkdtemp(path.join(tmpdir(), 'render-runs-'))
    await renderSite(site, path.join(work, 'one'), '/')
    // Four report pages' weight a run (a part page alone): runs cut across templates (reports, then agencies, regions, years…).
    let runs = 0
    let first: string[] = []
    const afterRun = (): void => {
      // The pages without pagination come first, in a run of their own (the quality page is large).
      if (runs++ === 0) first = readdirSync(path.join(work, 'runs'), { recursive: true }).map(String).filter((file) => file.endsWith('.html'))
    }
    await renderSite(site, path.join(work, 'runs'), '/', undefined, { perRun: 4, afterRun })
    expect(runs).toBeGreaterThan(2)
    expect(first).toContain('quality/index.html')
    expect(first).toContain('index.html')
    expect(first.filter((file) => file.startsWith('reports/'))).toEqual([])
    const one = await hashTree(path.join(work, 'one'))
    const inRuns = await hashTree(path.join(work, 'runs'))
    expect(one.size).toBeGreaterThan(site.reports.length + 10)
    expect([...inRuns.keys()]).toEqual([...one.keys()])
    expect([...inRuns].filter(([file, hash]) => one.get(file) !== hash)).toEqual([])
  })

  it('cuts runs by what their pages weigh: a part page counts as many report pages, and still gets a run alone', async () => {
    const built = await buildTempSite([], { index: false })
    const site = composeSiteData({ reports: built.summary.reports, failures: [], messages: [], siteUrl: 'http://localhost:8080', pathPrefix: '/' })
    const heavy = pageWeights.yearKinds ?? 1
    expect(heavy).toBeGreaterThan(1)
    const pages = { ...emptySelection(), reports: site.reports.slice(0, 3), yearKinds: site.yearKinds.slice(0, 3) }
    // Three report pages, then each part page alone: with one it would pass the weight.
    const runs = splitSelection(pages, heavy)
    expect(runs.map((run) => [run.reports.length, run.yearKinds.length])).toEqual([[3, 0], [0, 1], [0, 1], [0, 1]])
    expect(splitSelection(pages, 3 + 3 * heavy).length).toBe(1)
    // A page heavier than a run still gets one.
    expect(splitSelection({ ...emptySelection(), yearKinds: site.yearKinds.slice(0, 2) }, 1).map((run) => run.yearKinds.length)).toEqual([1, 1])
  })
})

