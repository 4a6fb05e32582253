import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { buildSite, loadReports, type BuildOptions } from '../../src/build/index.ts'
import { singletonInputs } from '../../src/site/index.ts'
import { projectRoot } from '../site/build-temp-site.ts'
import { digestFolder } from './digest-folder.ts'

let work = ''

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'site-incremental-'))
  await generateCorpus({ count: 2, outDir: path.join(work, 'more'), sourceRoot: path.join(projectRoot, 'reports'), seed: 61 })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** A corpus of its own under `work/name`, and a build of it into `out`, with its own parse cache and build state. */
async function corpus(name: string, defaults: BuildOptions) {
  const root = path.join(work, name)
  const reportsDir = path.join(root, 'reports')
  await generateCorpus({ count: 24, outDir: reportsDir, sourceRoot: path.join(projectRoot, 'reports'), seed: 16 })
  const build = (out: string, options: BuildOptions = {}) =>
    buildSite({
      reportsDir,
      outDir: path.join(root, out),
      stateDir: path.join(root, 'state'),
      load: (dir) => loadReports(dir, { cacheDir: path.join(root, 'cache'), workers: 0 }),
      ...defaults,
      ...options,
    })
  return { root, reportsDir, build }
}

describe('incremental build', () => {
  // With the analysis (the default), one report changes the reuse notes of every report that shares text with it, so
  // more pages are redone; without it, only the pages that show the three reports.
  it.each([
    ['without the analysis', false],
    ['with the analysis', true],
  ])('after a change, an addition and a removal, equals a clean build byte for byte (%s)', async (_label, analyse) => {
    // Two reports a part page, and years and the agencies of more than three split by province: an addition and a
    // removal move reports from page to page.
    const { root, reportsDir, build } = await corpus(analyse ? 'analysed' : 'plain', { analyse, reportsPerPartPage: 2, listedPerPage: 3 })
    const first = await build('site', { incremental: true })
    expect(first.incremental).toBeNull()
    const before = await digestFolder(path.join(root, 'site'))

    const files = await listReports(reportsDir)
    const changed = files[3] as string
    const removed = files[10] as string
    const text = await readFile(path.join(reportsDir, changed), 'utf8')
    await writeFile(path.join(reportsDir, changed), text.replace('。', '，并坚持问题导向。'))
    await rm(path.join(reportsDir, removed))
    const added = (await listReports(path.join(work, 'more')))[0] as string
    await writeFile(path.join(reportsDir, added.replace(/\.txt$/, '-new.txt')), await readFile(path.join(work, 'more', added)))

    const second = await build('site', { incremental: true })
    expect(second.errors).toBe(0)
    const clean = await build('clean')
    const after = await digestFolder(path.join(root, 'site'))
    expect(after).toEqual(await digestFolder(path.join(root, 'clean')))
    expect(Object.keys(after).filter((file) => /^years\/\w+\/plans\/2\/index\.html$/.test(file)).length).toBeGreaterThan(0)
    expect(Object.keys(after).filter((file) => /^years\/\w+\/\w+(sheng|shi|qu)\/index\.html$/.test(file)).length).toBeGreaterThan(0)
    expect(Object.keys(after).filter((file) => /^agencies\/in\/\w+\/index\.html$/.test(file)).length).toBeGreaterThan(0)

    expect(second.incremental?.pages).toBeGreaterThan(0)
    expect(second.incremental?.removed).toBeGreaterThan(0)
    if (!analyse) {
      // Only what shows the three reports: their pages, agencies, regions, years and year-kind pages.
      const pages = Object.keys(after).filter((file) => file.endsWith('.html')).length
      expect(second.incremental?.pages).toBeLessThan(pages / 2)
    }
    // The index reads the reports, not the analysis: with it too, only the bundles of the three reports' years.
    const years = new Set([changed, removed, added].map((file) => file.slice(0, 4)))
    expect(second.incremental?.bundles.length).toBeGreaterThan(0)
    expect(second.incremental?.bundles.length).toBeLessThanOrEqual(years.size)
    expect(clean.reports.length).toBe(first.reports.length)
    // Untouched reports' files were not rewritten: the same bytes and the same count of pages changed.
    const rewritten = Object.keys(after).filter((file) => file.startsWith('reports/') && before[file] !== after[file])
    expect(rewritten.length).toBeLessThanOrEqual(second.incremental?.pages ?? 0)

    const third = await build('site', { incremental: true })
    expect(third.incremental).toEqual({ pages: 0, singletons: [], removed: 0, bundles: [] })
    expect(await digestFolder(path.join(root, 'site'))).toEqual(after)

    // A paragraph edited, nothing a list shows: the pages without pagination that do not show it are left alone,
    // and the site still equals a clean build.
    const edited = files[5] as string
    const editedText = await readFile(path.join(reportsDir, edited), 'utf8')
    await writeFile(path.join(reportsDir, edited), editedText.replace('。', '，切实加强法治督察。'))
    const fourth = await build('site', { incremental: true })
    expect(fourth.incremental?.pages).toBeGreaterThan(0)
    expect(fourth.incremental?.singletons).not.toContain('404.njk')
    expect(fourth.incremental?.singletons).not.toContain('search.njk')
    expect(fourth.incremental?.singletons.length).toBeLessThan(Object.keys(singletonInputs).length)
    await build('clean')
    expect(await digestFolder(path.join(root, 'site'))).toEqual(await digestFolder(path.join(root, 'clean')))
  }, 600_000)
})

async function listReports(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((entry) => entry.endsWith('.txt')).map((entry) => entry.split(path.sep).join('/')).sort()
}
