import { beforeAll, describe, expect, it } from 'vitest'
import { locateReport } from '../../src/site/locate-report.ts'
import { buildTempSite, hashTree, idsOf, readPage, type TempSite } from './build-temp-site.ts'

let first: TempSite
let second: TempSite
let grown: TempSite

beforeAll(async () => {
  first = await buildTempSite(['hostile'])
  second = await buildTempSite(['hostile'])
  grown = await buildTempSite(['hostile', 'extra'])
})

describe('site output', () => {
  it('is byte-identical across two builds of the same reports', async () => {
    const a = await hashTree(first.outDir)
    const b = await hashTree(second.outDir)
    expect([...b.keys()]).toEqual([...a.keys()])
    const differing = [...a.entries()].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file)
    expect(differing).toEqual([])
  })

  it('keeps every permalink and anchor when a fifth report is added', async () => {
    expect(grown.summary.reports).toHaveLength(first.summary.reports.length + 1)
    for (const report of first.summary.reports) {
      const url = locateReport(report.id).url
      const before = idsOf(await readPage(first.outDir, url))
      const after = idsOf(await readPage(grown.outDir, url))
      expect(after).toEqual(before)
    }
  })

  it('pairs one year’s plans with the next year’s achievements on the agency page', async () => {
    const html = await readPage(grown.outDir, '/agencies/hebei-baoding-laishui/')
    expect(html).toContain('2022年的安排 → 2023年的成效')
    expect(html).toContain('href="/reports/2022/hebei-baoding-laishui/#plans')
    expect(html).toContain('href="/reports/2023/hebei-baoding-laishui/#achievements')
    const earlier = await readPage(grown.outDir, '/reports/2022/hebei-baoding-laishui/')
    expect(earlier).toContain('rel="next" href="/reports/2023/hebei-baoding-laishui/"')
  })
})
