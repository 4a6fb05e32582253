import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { describe, expect, it } from 'vitest'
import { accessToken, citeInGbt, citeReport, withAccessDate } from '../../src/site/cite-report.ts'
import type { Report } from '../../src/types.ts'

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: '2023-henan-hebi-xunxian',
    title: '浚县2023年法治政府建设情况报告',
    titleInferred: false,
    agency: { name: '中共浚县县委 浚县人民政府', short: null, region: ['河南省', '鹤壁市', '浚县'], level: 'county', bodies: ['中共浚县县委', '浚县人民政府'] },
    year: 2023,
    published: '2024-03-20',
    source: { file: '2023/xunxian.txt', format: 'txt', encoding: 'utf-8', sha256: '', url: 'http://www.xunxian.gov.cn/art/2024/3/20/art_1.html', publisher: null },
    sections: [],
    warnings: [],
    ...overrides,
  }
}

const permalink = 'https://fazhi.example.org/reports/2023/henan-hebi-xunxian/'

interface CslItem {
  author: { family?: string; literal?: string }[]
  title: string
  URL: string
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  type: string
}

async function parse(text: string, type: '@ris/file' | '@biblatex/text'): Promise<CslItem[]> {
  const cite = await Cite.async(text, { forceType: type })
  return cite.data as CslItem[]
}

describe('citeReport', () => {
  it('names joint bodies as separate authors and cites the original address, the permalink beside it', () => {
    const citation = citeReport(report(), permalink)
    expect(citation.gbt).toBe('中共浚县县委, 浚县人民政府. 浚县2023年法治政府建设情况报告[EB/OL]. (2024-03-20). http://www.xunxian.gov.cn/art/2024/3/20/art_1.html.')
    expect(citation.bibtex).toContain('  author = {{中共浚县县委} and {浚县人民政府}},')
    expect(citation.url).toBe('http://www.xunxian.gov.cn/art/2024/3/20/art_1.html')
    expect(citation.permalink).toBe(permalink)
    expect(JSON.parse(citation.csl).author).toEqual([{ literal: '中共浚县县委' }, { literal: '浚县人民政府' }])
    expect(citeReport(report({ source: { ...report().source, url: null } }), permalink).gbt).toMatch(/ https:\/\/fazhi\.example\.org\/reports\/2023\/henan-hebi-xunxian\/\.$/)
  })

  it('leaves the access date out of the plain texts and says where the script inserts it', () => {
    const citation = citeReport(report(), permalink)
    for (const key of ['gbt', 'bibtex', 'csl', 'ris'] as const) {
      expect(citation[key]).not.toContain(accessToken)
      expect(citation[key]).not.toMatch(/引用日期|urldate|accessed|Y2 {2}-/)
      expect(citation.access[key].text).toContain(accessToken)
    }
    expect(withAccessDate(citation.gbt, citation.access.gbt, accessToken)).toBe(`中共浚县县委, 浚县人民政府. 浚县2023年法治政府建设情况报告[EB/OL]. (2024-03-20)[${accessToken}]. http://www.xunxian.gov.cn/art/2024/3/20/art_1.html.`)
    const csl = JSON.parse(withAccessDate(citation.csl, citation.access.csl, '2024-05-01'))
    expect(csl.accessed).toEqual({ raw: '2024-05-01' })
    expect(csl.language).toBe('zh-CN')
  })

  it('puts the access date of an undated report after the medium, before the address', () => {
    const citation = citeReport(report({ published: null }), permalink)
    expect(citation.gbt).toBe('中共浚县县委, 浚县人民政府. 浚县2023年法治政府建设情况报告[EB/OL]. http://www.xunxian.gov.cn/art/2024/3/20/art_1.html.')
    expect(withAccessDate(citation.gbt, citation.access.gbt, '2024-05-01')).toBe('中共浚县县委, 浚县人民政府. 浚县2023年法治政府建设情况报告[EB/OL]. [2024-05-01]. http://www.xunxian.gov.cn/art/2024/3/20/art_1.html.')
  })

  it('writes RIS that a RIS parser reads back, with and without the access date', async () => {
    const citation = citeReport(report(), permalink)
    const [item] = await parse(citation.ris, '@ris/file')
    expect(item?.type).toBe('webpage')
    expect(item?.author).toEqual([{ family: '中共浚县县委' }, { family: '浚县人民政府' }])
    expect(item?.title).toBe('浚县2023年法治政府建设情况报告')
    expect(item?.URL).toBe('http://www.xunxian.gov.cn/art/2024/3/20/art_1.html')
    expect(item?.issued).toEqual({ 'date-parts': [[2024, 3, 20]] })
    // Y2 is where EndNote and Zotero put a web page's access date; the parser reads the record around it unchanged.
    const datedText = withAccessDate(citation.ris, citation.access.ris, '2024-05-01')
    expect(datedText).toMatch(/^Y2 {2}- 2024-05-01$/m)
    const [dated] = await parse(datedText, '@ris/file')
    expect(dated?.title).toBe(item?.title)
  })

  it('writes a biblatex @online entry that a biblatex parser reads back', async () => {
    const citation = citeReport(report({ title: '50%_报告{x}', source: { ...report().source, url: 'http://a.gov.cn/p?q=%E6%B3%95&r=1' } }), permalink)
    const [plain] = await parse(citation.bibtex, '@biblatex/text')
    expect(plain?.type).toBe('webpage')
    expect(plain?.author).toEqual([{ family: '中共浚县县委' }, { family: '浚县人民政府' }])
    expect(plain?.title).toBe('50%_报告x')
    expect(plain?.URL).toBe('http://a.gov.cn/p?q=%E6%B3%95&r=1')
    expect(plain?.accessed).toBeUndefined()
    const [dated] = await parse(withAccessDate(citation.bibtex, citation.access.bibtex, '2024-05-01'), '@biblatex/text')
    expect(dated?.accessed).toEqual({ 'date-parts': [[2024, 5, 1]] })
  })

  it('cites a section by its heading', () => {
    const section = { anchor: 'shortcomings', kind: 'shortcomings' as const, number: '三、', heading: '存在的不足和原因', paragraphs: [], children: [] }
    const citation = citeReport(report(), `${permalink}#shortcomings`, section)
    expect(citation.gbt).toContain('浚县2023年法治政府建设情况报告: 三、存在的不足和原因[EB/OL]')
    expect(citation.bibtex).toMatch(/^@online\{2023-henan-hebi-xunxian-shortcomings,/)
    expect(citation.permalink).toBe(`${permalink}#shortcomings`)
    // A section's panel shows GB/T 7714 only: the same text and date slot.
    expect(citeInGbt(report(), `${permalink}#shortcomings`, section)).toEqual({ gbt: citation.gbt, access: citation.access.gbt, permalink: citation.permalink })
  })
})
