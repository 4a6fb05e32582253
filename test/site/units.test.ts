import { describe, expect, it } from 'vitest'
import { assessTimeliness, outlineRule, supervisionRule } from '../../src/site/assess-timeliness.ts'
import { citeReport } from '../../src/site/cite-report.ts'
import { displayTitle } from '../../src/site/display-title.ts'
import { dropDuplicateReports } from '../../src/site/drop-duplicate-reports.ts'
import { levelLabel } from '../../src/site/filters/level-label.ts'
import { readBuildArgs } from '../../src/build/build-options.ts'
import { renderSection } from '../../src/site/render-section.ts'
import { slugifyRegion } from '../../src/site/slugify-region.ts'
import { toCsv } from '../../src/open-data/to-csv.ts'
import type { Report } from '../../src/types.ts'
import { makeReport } from './make-report.ts'

const report = makeReport

describe('assessTimeliness', () => {
  it('gives governments and departments alike until 31 March under 厅字〔2019〕28号 art. 24', () => {
    expect(assessTimeliness(report())).toEqual({ status: 'on-time', daysLate: -17, deadline: '2023-03-31', rule: supervisionRule })
    const departmentOn29March = report({ published: '2023-03-29' })
    expect(assessTimeliness(departmentOn29March)).toMatchObject({ status: 'on-time', daysLate: -2 })
    const county = report({ published: '2023-04-03', agency: { name: 'x', short: null, region: [], level: 'county' } })
    expect(assessTimeliness(county)).toEqual({ status: 'late', daysLate: 3, deadline: '2023-03-31', rule: supervisionRule })
    const central = report({ published: '2023-04-01', agency: { name: '司法部', short: null, region: [], level: 'central' } })
    expect(assessTimeliness(central)).toMatchObject({ status: 'late', daysLate: 1 })
  })

  it('takes 31 March for reports on 2015–2018 under the 2015 outline and says so', () => {
    const on2018 = assessTimeliness(report({ year: 2018, published: '2019-03-31' }))
    expect(on2018).toEqual({ status: 'on-time', daysLate: 0, deadline: '2019-03-31', rule: outlineRule })
    expect(on2018.rule?.text).toContain('第一季度')
  })

  it('gives no deadline for townships or earlier years, and no days without a date', () => {
    expect(assessTimeliness(report({ published: null }))).toEqual({ status: 'unknown', daysLate: null, deadline: '2023-03-31', rule: supervisionRule })
    expect(assessTimeliness(report({ year: null })).rule).toBeNull()
    expect(assessTimeliness(report({ year: 2013 })).deadline).toBeNull()
    const township = report({ agency: { name: 'x镇人民政府', short: null, region: [], level: 'township' } })
    expect(assessTimeliness(township)).toEqual({ status: 'unknown', daysLate: null, deadline: null, rule: null })
  })
})

describe('displayTitle', () => {
  it('puts a composed title in square brackets, in every citation too', () => {
    const composed = report({ title: '天津市武清区人民政府2020年度法治政府建设情况报告', titleInferred: true })
    expect(displayTitle(composed)).toBe('[天津市武清区人民政府2020年度法治政府建设情况报告]')
    expect(displayTitle(report())).toBe('市政务服务办2022年法治政府建设情况报告')
    const citation = citeReport(composed, 'http://localhost:8080/reports/2020/tianjin-wuqing/')
    expect(citation.gbt).toContain('. [天津市武清区人民政府2020年度法治政府建设情况报告][EB/OL].')
    expect(JSON.parse(citation.csl).title).toBe('[天津市武清区人民政府2020年度法治政府建设情况报告]')
    expect(citation.bibtex).toContain('[天津市武清区人民政府2020年度法治政府建设情况报告]')
  })
})

describe('dropDuplicateReports', () => {
  it('publishes a report whose body text another file repeats once, and names both files in a duplicate-report warning', () => {
    const body = [{ anchor: 'preamble', kind: 'preamble' as const, number: null, heading: null, paragraphs: ['2022年，某市坚持依法行政。'], children: [] }]
    const utf8 = report({ sections: body, source: { ...report().source, file: '2022/b-utf8.txt', encoding: 'utf-8' } })
    const gbk = report({ sections: structuredClone(body), source: { ...report().source, file: '2022/a-gbk.txt', encoding: 'gb18030' } })
    const other = report({ sections: [{ ...body[0]!, paragraphs: ['2022年，某县坚持依法行政。'] }], source: { ...report().source, file: '2022/c.txt' } })
    const { reports, messages } = dropDuplicateReports([utf8, other, gbk])
    expect(reports.map((kept) => kept.source.file)).toEqual(['2022/a-gbk.txt', '2022/c.txt'])
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ file: '2022/b-utf8.txt', ruleId: 'duplicate-report', severity: 'warning' })
    expect(messages[0]?.reason).toContain('2022/a-gbk.txt')
  })

  it('keeps the copy already published, even when a new copy sorts first', () => {
    const body = [{ anchor: 'preamble', kind: 'preamble' as const, number: null, heading: null, paragraphs: ['2022年，某市坚持依法行政。'], children: [] }]
    const published = report({ sections: body, source: { ...report().source, file: '2022/b.txt' } })
    const added = report({ sections: structuredClone(body), source: { ...report().source, file: '2022/a-copy.txt' } })
    const { reports, messages } = dropDuplicateReports([added, published], (file) => file === '2022/b.txt')
    expect(reports.map((kept) => kept.source.file)).toEqual(['2022/b.txt'])
    expect(messages.map((m) => m.file)).toEqual(['2022/a-copy.txt'])
  })

  it('tells copies by the body key it is given (a build has them from the parse cache)', () => {
    const section = (text: string) => [{ anchor: 'preamble', kind: 'preamble' as const, number: null, heading: null, paragraphs: [text], children: [] }]
    const first = report({ sections: section('2022年，某市坚持依法行政。'), source: { ...report().source, file: '2022/a.txt' } })
    const second = report({ sections: section('2022年，某县坚持依法行政。'), source: { ...report().source, file: '2022/b.txt' } })
    const same = dropDuplicateReports([first, second], undefined, () => 'one body')
    expect(same.messages.map((m) => m.file)).toEqual(['2022/b.txt'])
    const copy = { ...structuredClone(first), source: { ...first.source, file: '2022/c.txt' } }
    const apart = dropDuplicateReports([first, copy], undefined, (kept) => kept.source.file)
    expect(apart.reports).toHaveLength(2)
  })

  it('tells copies by their text whatever white space and line breaks they differ in, and never by its length and characters alone', () => {
    const section = (paragraphs: string[]) => [{ anchor: 'preamble', kind: 'preamble' as const, number: null, heading: null, paragraphs, children: [] }]
    const spaced = report({ sections: section(['2022年，某市 坚持\u3000依法行政。\n', '一是普法。']), source: { ...report().source, file: '2022/a.html' } })
    const plain = report({ sections: section(['2022年，某市坚持依法行政。', '一是普法。']), source: { ...report().source, file: '2022/b.txt' } })
    // The same characters in another order, and the same text cut into other paragraphs: not copies.
    const reordered = report({ sections: section(['2022年，某市坚持依法行政。', '一是法普。']), source: { ...report().source, file: '2022/c.txt' } })
    const recut = report({ sections: section(['2022年，某市坚持依法行政。一是', '普法。']), source: { ...report().source, file: '2022/d.txt' } })
    const { reports, messages } = dropDuplicateReports([plain, recut, spaced, reordered])
    expect(reports.map((kept) => kept.source.file)).toEqual(['2022/a.html', '2022/c.txt', '2022/d.txt'])
    expect(messages.map((m) => m.file)).toEqual(['2022/b.txt'])
  })
})

describe('levelLabel', () => {
  it('names central bodies 中央部门 and local ones 部门', () => {
    expect(levelLabel('central')).toBe('中央部门')
    expect(levelLabel('department')).toBe('部门')
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
      onlyBundles: [],
      clean: false,
    })
    expect(readBuildArgs(['--clean'], {}).value?.clean).toBe(true)
    expect(readBuildArgs(['--only-bundle', '2022', '--only-bundle=2021,undated'], {}).value?.onlyBundles).toEqual(['2022', '2021', 'undated'])
    expect(readBuildArgs([], { STRICT: '1' }).value?.strict).toBe(true)
    expect(readBuildArgs(['--out'], {}).error).toMatch(/^--out 需要一个值；可用选项：/)
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
