import { describe, expect, it } from 'vitest'
import { assignPermalinks } from '../../src/site/assign-permalinks.ts'
import { compareVersions } from '../../src/site/compare-versions.ts'
import { sidecarSnippet } from '../../src/site/compose-quality.ts'
import { describeOriginal } from '../../src/site/describe-original.ts'
import { keepLatestVersions, textOf } from '../../src/site/keep-latest-versions.ts'
import type { FetchRecord, Report } from '../../src/types.ts'
import { makeReport } from './make-report.ts'

/** A small report read from `file`, fetched at `retrieved`, replacing `previous` when given. */
function report(file: string, paragraph: string, fetched: FetchRecord = {}): Report {
  return makeReport({
    id: '2023-sichuan',
    title: '四川省人民政府2023年法治政府建设年度报告',
    agency: { name: '四川省人民政府', short: '省政府', region: ['四川省'], level: 'province' },
    year: 2023,
    published: '2024-03-28',
    source: { file, format: 'html', encoding: 'utf-8', sha256: file, url: 'http://www.sc.gov.cn/a.html', publisher: null, fetched },
    sections: [{ anchor: 'achievements', kind: 'achievements', number: '一、', heading: '主要举措和成效', paragraphs: [paragraph], children: [] }],
  })
}

const first = report('2023/a.html', '全年审查文件二十件。', { retrieved: '2024-04-01T02:00:00.000Z' })
const second = report('2023/a.v2.html', '全年审查文件三十件。', { retrieved: '2024-05-01T02:00:00.000Z', previous: 'a.html' })
const third = report('2023/a.v3.html', '全年审查文件三十件。<script>alert(1)</script>', {
  retrieved: '2024-06-01T02:00:00.000Z',
  previous: 'a.v2.html',
  lastModified: 'Thu, 30 May 2024 20:00:00 GMT',
})

describe('keepLatestVersions', () => {
  it('publishes only the latest version, carrying the earlier ones oldest first with their text', () => {
    const kept = keepLatestVersions([first, second, third, report('2023/b.html', '另一篇。')])
    expect(kept.map((entry) => entry.source.file)).toEqual(['2023/a.v3.html', '2023/b.html'])
    expect(kept[0]?.source.versions?.map((version) => [version.file, version.retrieved])).toEqual([
      ['2023/a.html', '2024-04-01T02:00:00.000Z'],
      ['2023/a.v2.html', '2024-05-01T02:00:00.000Z'],
    ])
    expect(kept[0]?.source.versions?.[0]?.text).toBe(textOf(first))
  })

  it('gives the latest version the permalink its first version was published under', () => {
    const registry = { reports: [{ id: '2023-sichuan', wanted: '2023-sichuan', file: '2023/a.html', sha256: '2023/a.html', formerIds: [] }], regions: {} }
    const assigned = assignPermalinks(keepLatestVersions([first, second]), registry)
    expect(assigned.reports.map((entry) => [entry.id, entry.source.file])).toEqual([['2023-sichuan', '2023/a.v2.html']])
    expect(assigned.removed).toEqual([])
    expect(assigned.registry.reports[0]?.file).toBe('2023/a.v2.html')
  })
})

describe('compareVersions', () => {
  it('counts removed and added characters and the share changed, escaping the text', () => {
    const comparison = compareVersions('审查文件二十件。', '审查文件三十件。<b>')
    expect([comparison.removed, comparison.added]).toEqual([1, 4])
    expect(comparison.share).toBeCloseTo(5 / 19)
    expect(comparison.html).toBe('<div class="diff">审查文件<del>二</del><ins>三</ins>十件。<ins>&#x3C;b></ins></div>')
  })

  it('counts a character made of several code points as one', () => {
    expect(compareVersions('法治👨‍👩‍👧', '法治').removed).toBe(1)
  })
})

describe('describeOriginal', () => {
  it('dates the change by Last-Modified when the server sent one after the previous fetch, in China time', () => {
    const latest = keepLatestVersions([first, second, third])[0] as Report
    const view = describeOriginal(latest, '/reports/2023/sichuan/', () => textOf(latest))
    expect(view.modified).toEqual({ date: '2024-05-31', basis: expect.stringContaining('Last-Modified') })
    expect(view.file).toEqual({ url: '/reports/2023/sichuan/original/a.v3.html.txt', name: 'a.v3.html', retrieved: '2024-06-01' })
    expect(view.changes?.pairs.map((pair) => [pair.from, pair.to])).toEqual([['a.html', 'a.v2.html'], ['a.v2.html', 'a.v3.html']])
    expect(view.changes?.pairs[1]?.html).toContain('&#x3C;script>')
  })

  it('dates it by the fetch that found it otherwise, and says so', () => {
    const latest = keepLatestVersions([first, second])[0] as Report
    expect(describeOriginal(latest, '/r/', () => textOf(latest)).modified).toEqual({ date: '2024-05-01', basis: '2024-04-01 抓取后、2024-05-01 重新抓取时发现内容已变' })
  })
})

describe('sidecarSnippet', () => {
  it('asks to append to a fetched report’s sidecar rather than replace it', () => {
    expect(sidecarSnippet(first, ['agency'])).toMatch(/^# 2023\/a\.meta\.yml：已有抓取记录；.*追加到文件末尾\nagency: 四川省人民政府\n$/)
  })
})
