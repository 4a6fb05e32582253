import { describe, expect, it } from 'vitest'
import { assessTimeliness } from '../../src/site/assess-timeliness.ts'
import { readBuildArgs } from '../../src/site/read-build-args.ts'
import { renderSection } from '../../src/site/render-section.ts'
import { slugifyRegion } from '../../src/site/slugify-region.ts'
import { toCsv } from '../../src/site/to-csv.ts'
import type { Report } from '../../src/types.ts'

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: '2022-tianjin-zwfwb',
    title: '市政务服务办2022年法治政府建设情况报告',
    titleInferred: false,
    agency: { name: '天津市人民政府政务服务办公室', short: '市政务服务办', region: ['天津市'], level: 'department' },
    year: 2022,
    published: '2023-03-14',
    source: { file: '2022/a.txt', format: 'txt', encoding: 'utf-8', sha256: '', url: null, publisher: null },
    sections: [],
    warnings: [],
    ...overrides,
  }
}

describe('assessTimeliness', () => {
  it('gives departments until 1 March and governments until 1 April of the next year', () => {
    expect(assessTimeliness(report())).toEqual({ status: 'late', daysLate: 13, deadline: '2023-03-01' })
    const county = report({ agency: { name: 'x', short: null, region: [], level: 'county' } })
    expect(assessTimeliness(county)).toEqual({ status: 'on-time', daysLate: 0, deadline: '2023-04-01' })
    expect(assessTimeliness(report({ published: null })).status).toBe('unknown')
    expect(assessTimeliness(report({ year: null })).status).toBe('unknown')
  })
})

describe('readBuildArgs', () => {
  it('reads flags, inline values and the environment', () => {
    expect(readBuildArgs(['--strict', '--out=x', '--reports', 'r'], { PATH_PREFIX: '/sub/' }).value).toEqual({
      strict: true,
      reportsDir: 'r',
      outDir: 'x',
      pathPrefix: '/sub/',
      siteUrl: null,
    })
    expect(readBuildArgs([], { STRICT: '1' }).value?.strict).toBe(true)
    expect(readBuildArgs(['--out'], {}).error).toBe('--out 需要一个值')
  })
})

describe('renderSection', () => {
  it('renders text as text and keeps anchors verbatim', () => {
    const html = renderSection(
      { anchor: 'plans-2', kind: 'plans', number: '（二）', heading: '<b>x</b>', paragraphs: ['a<script>b</script>'], children: [] },
      { depth: 3, anchors: true },
    )
    expect(html).toContain('<h3 id="plans-2">')
    expect(html).toContain('<p id="plans-2-p1">a&#x3C;script>b&#x3C;/script>')
    expect(html).not.toContain('<b>')
  })
})

describe('slugifyRegion and toCsv', () => {
  it('makes ASCII slugs and RFC 4180 CSV', () => {
    expect(slugifyRegion('四川省')).toBe('sichuansheng')
    expect(toCsv(['a', 'b'], [['x,"y"', null]])).toBe('\uFEFFa,b\r\n"x,""y""",\r\n')
  })
})
