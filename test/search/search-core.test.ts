import { describe, expect, it } from 'vitest'
import { sectionKinds } from '../../src/parse/section-kinds.ts'
import {
  filterSubResults,
  filtersFromState,
  containsPhrases,
  rarestOf,
  queryWordsOf,
  splitHan,
  highlightUrl,
  phrasesOf,
  kindLabels,
  kindOfAnchor,
  mergeMarks,
  queryFromState,
  stateFromQuery,
} from '../../templates/assets/search.core.js'

describe('mergeMarks', () => {
  it('joins adjacent marks', () => {
    expect(mergeMarks('优化<mark>营商</mark><mark>环境</mark>。')).toBe('优化<mark>营商环境</mark>。')
  })
  it('joins marks across a segmentation space between Chinese words', () => {
    expect(mergeMarks('<mark>行政</mark> <mark>复议</mark>')).toBe('<mark>行政复议</mark>')
  })
  it('keeps the space between Latin words', () => {
    expect(mergeMarks('<mark>open</mark> <mark>data</mark>')).toBe('<mark>open</mark> <mark>data</mark>')
  })
  it('leaves separate marks alone', () => {
    expect(mergeMarks('<mark>普法</mark>工作<mark>普法</mark>')).toBe('<mark>普法</mark>工作<mark>普法</mark>')
  })
})

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
  it('finds a phrase across the spaces Pagefind inserts between segmented words', () => {
    expect(containsPhrases('推行\u200b一网\u200b通办 ，', ['一网通办'])).toBe(true)
    expect(containsPhrases('一网 通 知 办理', ['一网通办'])).toBe(false)
    expect(containsPhrases('anything', [])).toBe(true)
  })
})

describe('query words and phrase runs', () => {
  it('splits Chinese words into characters the way pages are indexed', () => {
    expect(queryWordsOf('营商环境  2020年 open')).toEqual([
      { text: '营商环境', phrase: true, tokens: '营 商 环 境' },
      { text: '2020年', phrase: true, tokens: '2020 年' },
      { text: 'open', phrase: false, tokens: 'open' },
    ])
    expect(splitHan('《优化营商环境条例》2020年', '|')).toBe('《优|化|营|商|环|境|条|例》2020|年')
  })
  it('ranks by the rarest character of a phrase: the latest in the frequent list, or one not in it', () => {
    expect(rarestOf('行政复议', '法政行议复')).toEqual(['复'])
    expect(rarestOf('执法', '法政行议复')).toEqual(['执'])
    expect(rarestOf('2020年', '法年')).toEqual(['年'])
    expect(rarestOf('营商环境', '')).toEqual(['营', '商', '环', '境'])
  })
})
