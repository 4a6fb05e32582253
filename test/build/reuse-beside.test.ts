import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { agencyOfId, findReuse } from '../../src/analysis/index.ts'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { loadReports } from '../../src/build/index.ts'
import { openTemporary } from '../../src/files/unlinked-file.ts'
import { findReuseBeside, receivePosted, startReuseBeside } from '../../src/build/reuse-beside.ts'
import { readReuseMemo } from '../../src/build/reuse-memo-file.ts'
import { projectRoot } from '../site/build-temp-site.ts'
import type { Report } from '../../src/types.ts'
import { composeText, reportOf } from '../analysis/analysis-helpers.ts'

const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
const reports = [
  reportOf('2022-a', composeText('甲县司法', 2022, { achievements: [copied, '甲县推进证明事项告知承诺制改革工作。'] })),
  reportOf('2022-b', composeText('乙县司法', 2022, { achievements: [copied.replace('三十', '三十五')] })),
  reportOf('2023-a', composeText('甲县司法', 2023, { achievements: [copied] })),
]
// Agencies unlike the default (the id without its year: 2022-a and 2023-a alike): the worker must use these.
const agencyOf = (report: { id: string }): string => (report.id === '2022-a' ? '乙' : '甲')

describe('findReuseBeside', () => {
  it('finds in a worker thread what findReuse finds here, with the agencies it is given', async () => {
    const beside = await findReuseBeside(reports, agencyOf)
    const here = findReuse(reports, { agencyOf })
    expect(beside).toEqual(here)
    expect(beside.byReport).toBeInstanceOf(Map)
    // By these agencies 2023-a shares its agency with 2022-b, not with 2022-a.
    const links = beside.byReport.get('2023-a')?.reuse ?? []
    expect(links.find((link) => link.other.id === '2022-b')?.sameAgency).toBe(true)
    expect(links.find((link) => link.other.id === '2022-a')?.sameAgency).toBe(false)
  }, 60_000)

  it('finds the same in this thread when no temporary file for the listings can be made', async () => {
    const before = process.env.TMPDIR
    // `os.tmpdir()` reads TMPDIR when asked: a folder that is not there (each test file runs in a process of its own).
    process.env.TMPDIR = path.join(tmpdir(), 'no-such-folder', 'below')
    try {
      expect(openTemporary('listings')).toBeNull()
      expect(await findReuseBeside(reports, agencyOf)).toEqual(findReuse(reports, { agencyOf }))
    } finally {
      if (before === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = before
    }
  })

  it('with a memo file, writes it and finds the same from it, before and after a report changed', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'reuse-beside-'))
    try {
      const place = (list: typeof reports) => ({ file: path.join(work, 'reuse.bin'), version: 'test', keys: list.map((report) => JSON.stringify(report.sections)) })
      expect(await findReuseBeside(reports, agencyOf, place(reports))).toEqual(findReuse(reports, { agencyOf }))
      expect((await stat(path.join(work, 'reuse.bin'))).size).toBeGreaterThan(0)
      expect(await findReuseBeside(reports, agencyOf, place(reports))).toEqual(findReuse(reports, { agencyOf }))
      const changed = [...reports.slice(0, 2), reportOf('2023-a', composeText('甲县司法', 2023, { achievements: [copied.replace('四十二', '四十三')] }))]
      expect(await findReuseBeside(changed, agencyOf, place(changed))).toEqual(findReuse(changed, { agencyOf }))
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 60_000)

  it('hands the listings over in pieces, and the memo it writes from their texts gives the same again', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'reuse-beside-'))
    try {
      const place = { file: path.join(work, 'reuse.bin'), version: 'test', keys: reports.map((report) => JSON.stringify(report.sections)) }
      const here = findReuse(reports, { agencyOf })
      // One listing a message, then two: every piece arrives, in order, and the memo keeps every listing.
      const first = await findReuseBeside(reports, agencyOf, place, 1)
      expect(first).toEqual(here)
      expect([...first.byReport.keys()]).toEqual([...here.byReport.keys()])
      expect(await findReuseBeside(reports, agencyOf, place, 2)).toEqual(here)
      const memo = await readReuseMemo(place.file, 'test')
      expect(memo.listings.size).toBe(reports.length)
      expect([...memo.listings.values()].map((entry) => JSON.parse(JSON.stringify(entry.listing)) as unknown)).toEqual(reports.map((report) => JSON.parse(JSON.stringify(here.byReport.get(report.id))) as unknown))
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 60_000)

  it('started before the reports are there, answers once they are given, and ends when closed unasked', async () => {
    const beside = startReuseBeside()
    expect(await beside.find(reports, { agencyOf })).toEqual(findReuse(reports, { agencyOf }))
    await beside.finished
    const unasked = startReuseBeside()
    unasked.close()
    await unasked.finished
  }, 60_000)

  it('reads the sections of reports posted by their parse cache entry there, not from this thread, and finds the same', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'reuse-beside-'))
    try {
      const reportsDir = path.join(work, 'reports')
      await generateCorpus({ count: 12, outDir: reportsDir, sourceRoot: path.join(projectRoot, 'reports'), seed: 3 })
      const cacheDir = path.join(work, 'cache')
      const loaded = await loadReports(reportsDir, { cacheDir, workers: 0 })
      const here = findReuse(loaded.reports, { agencyOf: agencyOfId })
      expect(here.repeated.size).toBeGreaterThan(0)
      const entries = new Map(loaded.reports.map((report) => [report.id, loaded.stored?.get(report.sections)]))
      expect([...entries.values()].every((entry) => entry !== undefined)).toBe(true)
      // Each report's sections behind a getter that notes who asked: only the quoted reports are read here.
      const read = new Set<string>()
      const watched = loaded.reports.map((report): Report => {
        const { sections, ...rest } = report
        return Object.defineProperty({ ...rest }, 'sections', { enumerable: true, get: () => (read.add(report.id), sections) }) as Report
      })
      const entryOf = (report: Report) => entries.get(report.id)
      // As the worker receives one: its paragraphs read from the entry each time asked, none held, until set.
      const [sample] = loaded.reports
      const entry = sample && entries.get(sample.id)
      if (!sample || !entry) throw new Error('no report')
      const received = receivePosted({ id: sample.id, year: sample.year, entry })
      const firstRead = received.sections
      const again = received.sections
      expect(again).toEqual(firstRead)
      expect(again).not.toBe(firstRead)
      expect(firstRead.map((section) => section.anchor)).toEqual(sample.sections.map((section) => section.anchor))
      expect(firstRead.flatMap((section) => section.paragraphs)).toEqual(sample.sections.flatMap((section) => section.paragraphs))
      received.sections = []
      expect(received.sections).toEqual([])
      // With a memo: a large build's (reports posted by their entry) is written before the answer.
      const memo = { file: path.join(work, 'reuse.bin'), version: 'test' }
      const keyOf = (report: Report) => `${report.id}:${entries.get(report.id) ?? ''}`
      const beside = startReuseBeside(memo)
      expect(await beside.find(watched, { agencyOf: agencyOfId, keyOf, entryOf })).toEqual(here)
      expect((await readReuseMemo(memo.file, memo.version)).units.size).toBe(watched.length)
      await beside.finished
      const fromMemo = startReuseBeside(memo)
      expect(await fromMemo.find(watched, { agencyOf: agencyOfId, keyOf, entryOf })).toEqual(here)
      await fromMemo.finished
      const quoted = new Set([...here.repeated.values()].flatMap((passages) => passages.map((passage) => passage.uses[0]?.id ?? '')))
      expect([...read].filter((id) => !quoted.has(id))).toEqual([])
      expect(read.size).toBeLessThan(watched.length)
      // An entry gone before the worker reads it: the worker fails, and the reuse is found here instead.
      await rm(cacheDir, { recursive: true, force: true })
      read.clear()
      const failing = startReuseBeside()
      expect(await failing.find(watched, { agencyOf: agencyOfId, entryOf })).toEqual(here)
      await failing.finished
      expect(read.size).toBe(watched.length)
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }, 120_000)
})
