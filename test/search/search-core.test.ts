import { describe, expect, it } from 'vitest'
import { sectionKinds } from '../../src/parse/section-kinds.ts'
import {
  filterSubResults,
  filtersFromState,
  containsPhrases,
  blockBreak,
  groupsOf,
  hanCode,
  indexWords,
  normaliseText,
  queryWordsOf,
  highlightUrl,
  phrasesOf,
  kindLabels,
  kindOfAnchor,
  queryFromState,
  stateFromQuery,
} from '../../templates/assets/search.core.js'

describe('URL and state', () => {
  it('reads the query and filters, dropping blanks and unknown keys', () => {
    expect(stateFromQuery('?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&year=2022&kind=&foo=1')).toEqual({ q: '行政复议', year: '2022' })
  })
  it('writes keys in a fixed order and round-trips', () => {
    const state = { q: '普法', level: 'city', year: '2022', kind: 'plans', province: '天津市', agency: '天津市人民政府' }
    const query = queryFromState(state)
    expect(query.startsWith('?q=')).toBe(true)
    expect([...new URLSearchParams(query).keys()]).toEqual(['q', 'year', 'kind', 'province', 'level', 'agency'])
    expect(stateFromQuery(query)).toEqual(state)
  })
  it('writes nothing for an empty state', () => {
    expect(queryFromState({ q: '  ' })).toBe('')
  })
  it('maps chosen filters to Pagefind filters', () => {
    expect(filtersFromState({ q: 'x', year: '2020', kind: 'shortcomings' })).toEqual({ year: '2020', kind: 'shortcomings' })
  })
  it('adds highlight terms before the anchor', () => {
    expect(highlightUrl('/r/2022/a/#plans-2', '普法 宣传')).toBe(
      `/r/2022/a/?pagefind-highlight=${encodeURIComponent('普法')}&pagefind-highlight=${encodeURIComponent('宣传')}#plans-2`,
    )
    expect(highlightUrl('/r/', '')).toBe('/r/')
  })
})

describe('sub-results by kind', () => {
  const subs = [
    { url: '/r/#achievements' },
    { url: '/r/#achievements-3' },
    { url: '/r/#shortcomings' },
    { url: '/r/#shortcomings-1-2' },
    { url: '/r/#plans' },
    { url: '/r/' },
  ]
  it('keeps only sections of the chosen part', () => {
    expect(filterSubResults(subs, 'shortcomings').map((sub) => sub.url)).toEqual(['/r/#shortcomings', '/r/#shortcomings-1-2'])
  })
  it('keeps everything when no part is chosen', () => {
    expect(filterSubResults(subs, undefined)).toHaveLength(6)
  })
  it('reads the kind from the first word of an anchor only', () => {
    expect(kindOfAnchor('plans-2-1')).toBe('plans')
    expect(kindOfAnchor('planning')).toBeNull()
    expect(kindOfAnchor(null)).toBeNull()
  })
  it('labels kinds exactly as the section-kinds table does', () => {
    expect(kindLabels).toEqual(Object.fromEntries(sectionKinds.map((entry) => [entry.kind, entry.label])))
  })
})

describe('phrase check', () => {
  it('keeps the words holding Chinese, one character or more, without punctuation', () => {
    expect(phrasesOf('“一网通办” 法 open data')).toEqual(['一网通办', '法'])
  })
  it('finds a phrase inside one block, ignoring spaces next to Han characters, never across two blocks', () => {
    expect(containsPhrases(`推行一网 通办，${blockBreak}其他`, ['一网通办'])).toBe(true)
    expect(containsPhrases(`推行一网${blockBreak}通办`, ['一网通办'])).toBe(false)
    expect(containsPhrases('一网 通 知 办理', ['一网通办'])).toBe(false)
    expect(containsPhrases('anything', [])).toBe(true)
  })
  it('drops spaces next to Han characters only', () => {
    expect(normaliseText('法 治 政 府 2020 年 ISO 9001')).toBe('法治政府2020年ISO 9001')
  })
})

describe('index words', () => {
  it('codes a Han character as four lowercase letters, distinct per character', () => {
    expect(hanCode('法')).toMatch(/^[a-z]{4}$/)
    expect(hanCode('法')).not.toBe(hanCode('治'))
    expect(hanCode('𠀀')).toMatch(/^[a-z]{4}$/)
  })
  it('indexes each pair of Han characters and the last of a run alone, other words in lower case', () => {
    const code = (text: string): string => [...text].map(hanCode).join('')
    expect(indexWords('营商环境，ISO 9001')).toEqual([code('营商'), code('商环'), code('环境'), code('境'), 'iso', '9001'])
    expect(indexWords('法 治')).toEqual([code('法治'), code('治')])
  })
  it('looks a phrase up by its pairs, a lone character by itself, other words as typed', () => {
    const code = (text: string): string => [...text].map(hanCode).join('')
    expect(queryWordsOf('营商环境  2020年 Open 法')).toEqual([
      { text: '营商环境', phrase: true, tokens: [code('营商'), code('商环'), code('环境')].join(' ') },
      { text: '2020年', phrase: true, tokens: `2020 ${code('年')}` },
      { text: 'Open', phrase: false, tokens: 'open' },
      { text: '法', phrase: true, tokens: code('法') },
    ])
  })
  it('finds every query word among the index words of a text holding it', () => {
    const text = '深入推进依法行政，全面建设法治政府。2022年'
    const words = new Set(indexWords(text))
    for (const query of ['依法行政', '法治政府', '法', '2022年', '政']) {
      for (const token of queryWordsOf(query)[0]?.tokens.split(' ') ?? []) {
        expect([...words].some((word) => word.startsWith(token))).toBe(true)
      }
    }
  })
})

describe('shard groups', () => {
  it('groups consecutive bundles of one year and keeps the manifest order', () => {
    const manifest = {
      version: 2,
      shards: [
        { path: 'pagefind/', years: [2024], pages: 2500, group: '2024' },
        { path: 'pagefind-2024-2/', years: [2024], pages: 2400, group: '2024' },
        { path: 'pagefind-2023/', years: [2023], pages: 10, group: '2023' },
        { path: 'pagefind-undated/', years: [], pages: 1, group: 'undated' },
      ],
    }
    expect(groupsOf(manifest)).toEqual([
      { key: '2024', years: [2024], paths: ['pagefind/', 'pagefind-2024-2/'] },
      { key: '2023', years: [2023], paths: ['pagefind-2023/'] },
      { key: 'undated', years: [], paths: ['pagefind-undated/'] },
    ])
    expect(groupsOf({ version: 1, shards: [{ path: 'pagefind/', years: [], pages: 0 }] })).toEqual([{ key: null, years: [], paths: ['pagefind/'] }])
  })
})
