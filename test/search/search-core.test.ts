import { describe, expect, it } from 'vitest'
import { sectionKinds } from '../../src/vocabulary.ts'
import {
  filterSubResults,
  filtersFromState,
  containsPhrases,
  blockBreak,
  groupsOf,
  candidatesMayMiss,
  filterLabel,
  foldText,
  indexWords,
  levelLabels,
  lookupsOf,
  normaliseText,
  unitCode,
  unknownValue,
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

describe('folding', () => {
  it('ignores brackets, quotes, dashes, list marks and spaces of every kind', () => {
    expect(foldText('厅字〔2019〕28号')).toBe('厅字201928号')
    expect(foldText('厅字[2019]28号')).toBe(foldText('厅字（2019）28号'))
    expect(foldText('《法治政府建设实施纲要(2021—2025年)》')).toBe(foldText('法治政府建设实施纲要（2021-2025年）'))
    expect(foldText('“放管服”改革')).toBe('放管服改革')
    expect(foldText('「甲」‘乙’"丙"\'丁\'【戊】〈己〉［庚］–－、，。：；\u00a0\u3000 ')).toBe('甲乙丙丁戊己庚')
  })
  it('makes full- and half-width digits and letters one, letters lower case', () => {
    expect(foldText('ＩＳＯ９００１')).toBe('iso9001')
    expect(foldText('ISO 9001')).toBe('iso9001')
  })
  it('makes traditional characters simplified, with OpenCC\'s table', () => {
    expect(foldText('羅店鎮')).toBe('罗店镇')
    expect(foldText('長治市行政執法')).toBe('长治市行政执法')
    expect(foldText('罗店镇')).toBe('罗店镇')
  })
  it('changes nothing when applied twice', () => {
    const text = '內蒙古自治區法治政府建設《綱要(2015—2020年)》ＡＢＣ'
    expect(foldText(foldText(text))).toBe(foldText(text))
  })
  it('keeps line breaks, which end a block', () => {
    expect(foldText('一网\n通办')).toBe('一网\n通办')
  })
})

describe('phrase check', () => {
  it('folds every word of the query and drops words of punctuation only', () => {
    expect(phrasesOf('“一网通办” 法 Open data —')).toEqual(['一网通办', '法', 'open', 'data'])
  })
  it('finds a folded phrase inside one block, never across two blocks', () => {
    expect(containsPhrases(`推行一网 通办，${blockBreak}其他`, ['一网通办'])).toBe(true)
    expect(containsPhrases(`推行“一网·通办”`, phrasesOf('一网通办'))).toBe(true)
    expect(containsPhrases(`推行一網通辦`, phrasesOf('一网通办'))).toBe(true)
    expect(containsPhrases(`推行一网${blockBreak}通办`, ['一网通办'])).toBe(false)
    expect(containsPhrases('一网 通 知 办理', ['一网通办'])).toBe(false)
    expect(containsPhrases('anything', [])).toBe(true)
  })
  it('drops spaces next to Han characters in shown text only', () => {
    expect(normaliseText('法 治 政 府 2020 年 ISO 9001')).toBe('法治政府2020年ISO 9001')
  })
})

describe('index words', () => {
  const code = (text: string): string => [...text].map(unitCode).join('')
  it('codes a unit as four lowercase letters, distinct per unit', () => {
    expect(unitCode('法')).toMatch(/^[a-z]{4}$/)
    expect(unitCode('法')).not.toBe(unitCode('治'))
    expect(unitCode('𠀀')).toMatch(/^[a-z]{4}$/)
    expect(unitCode('9')).toMatch(/^[a-z]{4}$/)
  })
  it('indexes each pair of adjacent units of the folded text, then each unit alone', () => {
    expect(indexWords('营商环境，ISO 9001')).toEqual(
      [...['营商', '商环', '环境', '境i', 'is', 'so', 'o9', '90', '00', '01'], ...'营商环境iso9001'].map(code),
    )
    expect(indexWords('法 治')).toEqual([code('法治'), code('法'), code('治')])
    expect(indexWords('法')).toEqual([code('法')])
    expect(indexWords('羅店鎮')).toEqual(indexWords('罗店镇'))
    expect(indexWords('〔２０１９〕')).toEqual(indexWords('(2019)'))
  })
  it('looks a word up by its pairs, a one-unit word alone', () => {
    expect(queryWordsOf('营商环境  2020年 Open 法')).toEqual([
      { text: '营商环境', folded: '营商环境', phrase: true, units: 4, tokens: ['营商', '商环', '环境'].map(code).join(' ') },
      { text: '2020年', folded: '2020年', phrase: true, units: 5, tokens: ['20', '02', '20', '0年'].map(code).join(' ') },
      { text: 'Open', folded: 'open', phrase: true, units: 4, tokens: ['op', 'pe', 'en'].map(code).join(' ') },
      { text: '法', folded: '法', phrase: true, units: 1, tokens: code('法') },
    ])
  })
  it('splits the query at spaces of every kind', () => {
    expect(queryWordsOf('行政\u3000执法\u00a0普法').map((word) => word.folded)).toEqual(['行政', '执法', '普法'])
  })
  it('looks a long word up by at most twelve of its pairs, first and last included', () => {
    const sentence = '深入贯彻习近平法治思想全面推进依法行政加快建设法治政府各级政府及其部门进一步深化认识统筹协调真抓实干'
    const words = queryWordsOf(sentence)
    const lookups = lookupsOf(words)
    expect(lookups.length).toBeLessThanOrEqual(12)
    const tokens = words[0]?.tokens.split(' ') ?? []
    expect(lookups[0]).toBe(`"${tokens[0]}"`)
    expect(lookups.at(-1)).toBe(`"${tokens.at(-1)}"`)
    // A one-unit word is looked up exactly too: a prefix search would see only the one chunk Pagefind loads for it.
    expect(lookupsOf(queryWordsOf('法'))).toEqual([`"${code('法')}"`])
  })
  it('says when candidates may not hold the words: words of three units or more, or a chosen part', () => {
    expect(candidatesMayMiss(queryWordsOf('行政 执法 法'), { q: '' })).toBe(false)
    expect(candidatesMayMiss(queryWordsOf('行政复议'), { q: '' })).toBe(true)
    expect(candidatesMayMiss(queryWordsOf('执法'), { q: '', kind: 'plans' })).toBe(true)
  })
  it('finds every query word among the index words of a text holding it', () => {
    const text = '深入推进依法行政，全面建设法治政府。2022年，厅字〔2019〕28号'
    const words = new Set(indexWords(text))
    for (const query of ['依法行政', '法治政府', '法', '2022年', '政', '政府2022', '厅字[2019]28号', '號']) {
      for (const token of queryWordsOf(query)[0]?.tokens.split(' ') ?? []) {
        expect(words.has(token), `${query}: ${token}`).toBe(true)
      }
    }
  })
})

describe('filter labels', () => {
  it('labels levels from the one list, unknown years and regions in Chinese', () => {
    expect(filterLabel('level', 'city')).toBe(levelLabels.city)
    expect(filterLabel('year', unknownValue)).toBe('年度未知')
    expect(filterLabel('province', unknownValue)).toBe('地区未知')
    expect(filterLabel('year', '2022')).toBe('2022年度')
    expect(filterLabel('kind', 'plans')).toBe('下一年度主要安排')
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
