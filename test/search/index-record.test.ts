import { describe, expect, it } from 'vitest'
import { dataPageOf, indexRecordOf, plannedPageOf } from '../../src/search/index.ts'
import { blockBreak, foldText, indexWords, newestSort } from '../../templates/assets/search.core.js'
import type { Section } from '../../src/types.ts'

const section = (anchor: string, fields: Partial<Section>): Section => ({ anchor, kind: 'achievements', number: null, heading: null, paragraphs: [], children: [], ...fields })

const page = {
  url: '/reports/2022/tianjin-zwfwb/',
  title: '天津市政务服务办2022年法治政府建设年度报告',
  year: 2022,
  province: '天津市',
  level: 'department' as const,
  agencyName: '天津市人民政府政务服务办公室',
  kinds: ['preamble', 'achievements'] as const,
  published: '2023-01-20',
  sections: [
    section('preamble', { kind: 'preamble', paragraphs: ['2022年，我办  深入学习。'] }),
    section('achievements', { number: '一、', heading: '主要举措和成效', children: [section('achievements-1', { number: '（一）', heading: '加强普法', paragraphs: ['营商环境营商环境。'] })] }),
  ],
}

describe('indexRecordOf', () => {
  it('makes blocks, anchors, filters, meta and sort from page data', () => {
    const record = indexRecordOf({ ...page, kinds: [...page.kinds] })
    expect(record.blocks).toEqual(['天津市政务服务办2022年法治政府建设年度报告', '导语', '2022年，我办 深入学习。', '一、主要举措和成效', '（一）加强普法', '营商环境营商环境。'])
    expect(record.anchors).toEqual([
      { element: 'h2', id: 'preamble', text: '导语', location: 1 },
      { element: 'h2', id: 'achievements', text: '一、主要举措和成效', location: 3 },
      { element: 'h3', id: 'achievements-1', text: '（一）加强普法', location: 4 },
    ])
    expect(record.filters).toEqual({ year: ['2022'], province: ['天津市'], level: ['department'], agency: ['天津市人民政府政务服务办公室'], kind: ['preamble', 'achievements'] })
    expect(record.meta).toEqual({ title: page.title, year: '2022', agency: '天津市人民政府政务服务办公室', published: '2023-01-20' })
    expect(record.sort).toEqual({ published: '2023-01-20' })
    expect(record.year).toBe(2022)
  })

  it('files a report without a year as unknown, in the year of its URL, and a central body with no province', () => {
    const record = indexRecordOf({ ...page, kinds: [], year: null, province: null, level: 'central', published: null })
    expect(record.year).toBe(2022)
    expect(record.filters).toEqual({ year: ['unknown'], level: ['central'], agency: ['天津市人民政府政务服务办公室'] })
    expect(record.meta).not.toHaveProperty('year')
    expect(record.sort).toEqual({})
    expect(indexRecordOf({ ...page, kinds: [], province: null, level: 'county' }).filters['province']).toEqual(['unknown'])
  })

  it('plans a page (plannedPageOf) by the URL, year and sort keys its record has, dated or not', () => {
    for (const variant of [page, { ...page, year: null, published: null }, { ...page, url: '/reports/undated/x/', year: null }]) {
      const { url, year, sort } = indexRecordOf({ ...variant, kinds: [...variant.kinds] })
      expect(plannedPageOf(variant)).toEqual({ url, year, sort })
    }
    expect(plannedPageOf({ ...page, year: null, published: null })).toEqual({ url: page.url, year: 2022, sort: {} })
  })
})

describe('dataPageOf', () => {
  const record = indexRecordOf({ ...page, kinds: [...page.kinds] })

  it('indexes each word once, a frequent one 1 + log2 of its count times, with the group as a filter the fragment leaves out', () => {
    const data = dataPageOf(record, { prefix: '/archive/', group: '2022', position: 0 })
    const fragment = JSON.parse(data.fragment) as { url: string; content: string; word_count: number; filters: Record<string, string[]>; anchors: unknown }
    expect(fragment.url).toBe('/archive/reports/2022/tianjin-zwfwb/')
    expect(data.filters['group']).toEqual(['2022'])
    expect(fragment.filters).not.toHaveProperty('group')
    expect(fragment.filters['year']).toEqual(record.filters['year'])
    const [pair] = indexWords('营商')
    // 营商 twice in one block: written 1 + log2(2) = 2 times.
    expect(data.words.filter((word) => word === pair)).toHaveLength(2)
    expect(dataPageOf(record, { prefix: '/', group: null, position: 0, maxRepeats: 1 }).words.filter((word) => word === pair)).toHaveLength(1)
    // Every page carries the order key (Pagefind leaves pages without it out of sorted results), and only it.
    expect(data.sort).toEqual({ [newestSort]: '0000000' })
    expect(dataPageOf(record, { prefix: '/', group: null, position: 1234 }).sort[newestSort]).toBe('0001234')
    expect(fragment.word_count).toBe(data.words.length)
    expect(fragment.content).toBe(record.blocks.join(blockBreak))
    expect(fragment.anchors).toEqual(record.anchors)
  })

  it('gives the words indexWords gives the search page, first seen first, however the text is written', () => {
    // The indexer counts words as numbers; the search page spells its words with indexWords. They must agree.
    const blocks = ['營商環境，ISO 9001：2015标准', '营商环境\n𠀀𠀁法治法治法治', '行政复议 执法；执法监督（２０２２年）', '', '！！']
    const expected = new Map<string, number>()
    for (const block of blocks) for (const word of indexWords(block)) expected.set(word, (expected.get(word) ?? 0) + 1)
    const spelled = [...expected].flatMap(([word, count]) => Array<string>(Math.min(6, 1 + Math.floor(Math.log2(count)))).fill(word))
    expect(dataPageOf({ ...record, blocks }, { prefix: '/', group: null, position: 0 }).words).toEqual(spelled)
    expect(spelled.length).toBeGreaterThan(40)
  })

  it('counts exactly on a page with more distinct characters than a 32-bit pair number holds', () => {
    // Han characters of the basic block, extension A and extension B: n distinct units make pairs up to n², past 2³¹.
    const points = [...range(0x4e00, 0x9fff), ...range(0x3400, 0x4dbf), ...range(0x20000, 0x2a6df)]
    const blocks = [points, points.slice(0, 5000).reverse()].map((list) => list.map((point) => String.fromCodePoint(point)).join(''))
    const expected = new Map<string, number>()
    for (const block of blocks) for (const word of indexWords(block)) expected.set(word, (expected.get(word) ?? 0) + 1)
    expect(new Set(blocks.flatMap((block) => [...foldText(block)])).size).toBeGreaterThan(46_341)
    const spelled = [...expected].flatMap(([word, count]) => Array<string>(Math.min(6, 1 + Math.floor(Math.log2(count)))).fill(word))
    expect(dataPageOf({ ...record, blocks }, { prefix: '/', group: null, position: 0 }).words).toEqual(spelled)
  })
})

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, at) => from + at)
}
