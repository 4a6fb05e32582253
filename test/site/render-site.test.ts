import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { composeSiteData, readPermalinkRegistry, renderSite } from '../../src/site/index.ts'
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
    // Four pages a run: runs cut across templates (reports, then agencies, regions, years…).
    let runs = 0
    await renderSite(site, path.join(work, 'runs'), '/', undefined, { perRun: 4, afterRun: () => runs++ })
    expect(runs).toBeGreaterThan(2)
    const one = await hashTree(path.join(work, 'one'))
    const inRuns = await hashTree(path.join(work, 'runs'))
    expect(one.size).toBeGreaterThan(site.reports.length + 10)
    expect([...inRuns.keys()]).toEqual([...one.keys()])
    expect([...inRuns].filter(([file, hash]) => one.get(file) !== hash)).toEqual([])
  })
})
