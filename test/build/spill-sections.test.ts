import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { buildSite, loadReports } from '../../src/build/index.ts'
import { spilledFrom, spillSections } from '../../src/build/spill-sections.ts'
import { keepKindsOf, reportPageFields } from '../../src/site/index.ts'
import type { Report } from '../../src/types.ts'
import { runCommand } from '../run-script.ts'
import { projectRoot } from '../site/build-temp-site.ts'
import { digestFolder } from './digest-folder.ts'

let work = ''
let reportsDir = ''

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'spill-sections-'))
  reportsDir = path.join(work, 'reports')
  await generateCorpus({ count: 12, outDir: reportsDir, sourceRoot: path.join(projectRoot, 'reports'), seed: 7 })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('sections let go once analysed, read back from the parse cache', () => {
  it('reads back the same sections, the last few kept, and only those its entry holds', async () => {
    const loaded = await loadReports(reportsDir, { cacheDir: path.join(work, 'cache-a'), workers: 0 })
    const stored = loaded.stored
    if (!stored) throw new Error('no entries')
    const [first, second, ...rest] = loaded.reports
    if (!first || !second) throw new Error('too few reports')
    const before = loaded.reports.map((report) => JSON.stringify(report))
    // Sections replaced since the load (as kept anchors replace them) are not their entry's: they stay.
    const replaced = { ...second, sections: structuredClone(second.sections) }
    const reports = [first, replaced, ...rest]
    expect(spillSections(reports, stored)).toBe(loaded.reports.length - 1)
    // Each spilled report is replaced by a copy that reads them; the others are left as they are.
    const [spilled] = reports
    if (!spilled) throw new Error('none left')
    expect(spilled).not.toBe(first)
    expect(reports[1]).toBe(replaced)
    expect(Object.getOwnPropertyDescriptor(spilled, 'sections')?.get).toBeTypeOf('function')
    expect(Object.getOwnPropertyDescriptor(replaced, 'sections')?.value).toBe(replaced.sections)
    expect(Object.keys(spilled)).toEqual(Object.keys(first))
    expect(reports.map((report) => JSON.stringify(report))).toEqual(before)
    expect(spilled.sections).toBe(spilled.sections)
    // The worker is posted the entry of a spilled report, and nothing for one whose sections were set since.
    expect(spilledFrom(spilled)).toBe(stored.get(first.sections))
    expect(spilledFrom(replaced)).toBeUndefined()
    spilled.sections = first.sections
    expect(spilled.sections).toBe(first.sections)
    expect(spilledFrom(spilled)).toBeUndefined()
  })

  // What the copies are for, and what a new V8 could change: if this fails, every report is large again.
  it('leaves V8 the copies in fast mode, of one hidden class, where a getter put on each report is not', async () => {
    const run = await runCommand(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', 'test/fixtures/spill-sections/hidden-classes.ts'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ readingFast: true, readingSameMap: true, read: 'a.bin', setFast: true, ownGetterFast: false })
  })

  it('tells each copy made with its report, so that what is asked of the sections often is kept', async () => {
    const cacheDir = path.join(work, 'cache-c')
    const loaded = await loadReports(reportsDir, { cacheDir, workers: 0 })
    if (!loaded.stored) throw new Error('no entries')
    const originals = [...loaded.reports]
    const reports = [...loaded.reports]
    const told: [Report, Report][] = []
    spillSections(reports, loaded.stored, (copy, original) => {
      // Still the original's own sections, in memory.
      expect(Object.getOwnPropertyDescriptor(original, 'sections')?.value).toBe(original.sections)
      keepKindsOf(copy, original.sections)
      told.push([copy, original])
    })
    expect(told).toEqual(reports.map((copy, index) => [copy, originals[index]]))
    // With the entries gone, a copy's page fields (the index plan's, the digests', the view's) still come, the same
    // as the original's: they read nothing back.
    await rm(cacheDir, { recursive: true, force: true })
    for (const [index, copy] of reports.entries()) expect(reportPageFields(copy)).toEqual(reportPageFields(originals[index] as Report))
    expect(() => reports[0]?.sections).toThrow(/\[parse-cache-gone\]$/)
  })

  it('names the entry when it is gone before its sections are read back', async () => {
    const cacheDir = path.join(work, 'cache-b')
    const loaded = await loadReports(reportsDir, { cacheDir, workers: 0 })
    const [report] = loaded.reports
    if (!report || !loaded.stored) throw new Error('no report')
    const reports = [report]
    spillSections(reports, loaded.stored)
    await rm(cacheDir, { recursive: true, force: true })
    expect(() => reports[0]?.sections).toThrow(/\.bin .*解析缓存.*\[parse-cache-gone\]$/)
  })

  it('builds the same site, search index included, as a build that kept every report in memory', async () => {
    const build = async (name: string, spillSectionsFrom?: number) => {
      const outDir = path.join(work, name)
      const load = (dir: string) => loadReports(dir, { cacheDir: path.join(work, `${name}-cache`), workers: 0 })
      const summary = await buildSite({ reportsDir, outDir, stateDir: path.join(work, `${name}-state`), load, ...(spillSectionsFrom === undefined ? {} : { spillSectionsFrom }) })
      return { summary, files: await digestFolder(outDir) }
    }
    // A dozen reports are far below the size from which a build lets go of them by default.
    const kept = await build('kept')
    const spilled = await build('spilled', 0)
    expect(kept.summary.reports.some((report) => Object.getOwnPropertyDescriptor(report, 'sections')?.get)).toBe(false)
    expect(spilled.summary.reports.every((report) => Object.getOwnPropertyDescriptor(report, 'sections')?.get)).toBe(true)
    expect(Object.keys(spilled.files).some((file) => file.startsWith('pagefind/'))).toBe(true)
    expect(spilled.files).toEqual(kept.files)
  }, 120_000)
})
