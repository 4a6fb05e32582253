import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyseReports } from '../../src/analysis/index.ts'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { analyseWithCache, openAnalysisCache } from '../../src/build/analysis-cache.ts'
import { loadReports } from '../../src/build/index.ts'
import { memoSectionsKey } from '../../src/build/sections-key.ts'
import { assignPermalinks, dropDuplicateReports, keepLatestVersions } from '../../src/site/index.ts'
import type { Report } from '../../src/types.ts'
import { projectRoot } from '../site/build-temp-site.ts'

let work = ''
let reports: Report[] = []

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'analysis-cache-'))
  await generateCorpus({ count: 40, outDir: path.join(work, 'reports'), sourceRoot: path.join(projectRoot, 'reports'), seed: 16 })
  const loaded = await loadReports(path.join(work, 'reports'), { cacheDir: null, workers: 0 })
  const distinct = dropDuplicateReports(keepLatestVersions(loaded.reports), () => false)
  const assigned = assignPermalinks(distinct.reports, { reports: [], regions: {} }, { present: new Set(loaded.reports.map((report) => report.source.file)), recordAnchors: false }).reports
  // Each of three agencies reports on the next year too, one paragraph rewritten: year-to-year comparisons to keep.
  const nextYears = assigned
    .filter((report) => report.year !== null)
    .slice(0, 3)
    .map((report) => {
      const year = (report.year ?? 0) + 1
      return { ...withFirstParagraph(report, '本年度重点推进行政执法规范化建设，全面落实行政执法三项制度。'), id: report.id.replace(/^\d{4}/, String(year)), year }
    })
  reports = [...assigned.filter((report) => !nextYears.some((next) => next.id === report.id)), ...nextYears]
}, 120_000)
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('analyseWithCache', () => {
  it('equals analyseReports with no cache, with the cache it wrote, and after one report changed', async () => {
    const file = path.join(work, 'state', 'analysis.json')
    const expected = analyseReports(reports)
    expect(expected.changes.size).toBeGreaterThan(0)
    expect(await analyseWithCache(reports, file)).toEqual(expected)
    const written = await readFile(file, 'utf8')
    const kept = JSON.parse(written) as { metrics: object; changes: object }
    // The text `JSON.stringify` makes of the whole, an entry a line.
    expect(written.replaceAll('\n', '')).toBe(JSON.stringify(kept))
    expect(written.split('\n').length).toBe(Object.keys(kept.metrics).length + Object.keys(kept.changes).length + 3)
    expect(Object.keys(kept.metrics).length).toBeGreaterThan(0)
    expect(Object.keys(kept.changes).length).toBe(expected.changes.size)
    expect(JSON.stringify([...(await analyseWithCache(reports, file)).changes])).toBe(JSON.stringify([...expected.changes]))

    // A paragraph of a report that is compared with its next year's changes: its kept parts must not be reused.
    const [earlier] = [...expected.changes.keys()][0]?.split('>') ?? []
    const edited = reports.map((report) => (report.id === earlier ? withFirstParagraph(report, '本年度未开展任何工作。') : report))
    expect(await analyseWithCache(edited, file)).toEqual(analyseReports(edited))
  }, 120_000)

  it('once it calls whileWaiting, reads only the sections of the paragraphs the boilerplate pages quote', async () => {
    const expected = analyseReports(reports)
    // Copies whose sections are watched from `whileWaiting` on (the build lets them go there).
    const copies = reports.map((report) => ({ ...report }))
    const readAfter = new Set<string>()
    let calls = 0
    const letGo = (): void => {
      calls++
      for (const copy of copies) {
        const { sections } = copy
        Object.defineProperty(copy, 'sections', {
          get: () => {
            readAfter.add(copy.id)
            return sections
          },
        })
      }
    }
    const cache = await openAnalysisCache(path.join(work, 'let-go', 'analysis.json'))
    // The keys are made before, as the build makes them (its digests) before the analysis waits.
    const keyOf = memoSectionsKey()
    for (const copy of copies) keyOf(copy)
    const result = await cache.begin(copies, keyOf)(letGo)
    await cache.finished()
    expect(calls).toBe(1)
    expect(result).toEqual(expected)
    // A passage is quoted from its first use's paragraph: those reports, and no others, are read again.
    const quoted = new Set([...expected.repeated.values()].flatMap((passages) => passages.map((passage) => passage.uses[0]?.id ?? '')))
    expect(quoted.size).toBeGreaterThan(0)
    expect([...readAfter].filter((id) => !quoted.has(id))).toEqual([])
  }, 120_000)

  it('computes everything again from a cache it cannot read', async () => {
    const file = path.join(work, 'broken', 'analysis.json')
    await analyseWithCache(reports.slice(0, 5), file)
    await writeFile(file, '{"version":')
    expect(await analyseWithCache(reports.slice(0, 5), file)).toEqual(analyseReports(reports.slice(0, 5)))
  }, 120_000)
})

/** The report with its first body paragraph replaced. */
function withFirstParagraph(report: Report, text: string): Report {
  let done = false
  const visit = (sections: Report['sections']): Report['sections'] =>
    sections.map((section) => {
      if (!done && section.paragraphs.length > 0) {
        done = true
        return { ...section, paragraphs: [text, ...section.paragraphs.slice(1)] }
      }
      return { ...section, children: visit(section.children) }
    })
  return { ...report, sections: visit(report.sections) }
}
