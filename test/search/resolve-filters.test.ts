import { describe, expect, it } from 'vitest'
import { readSearchArgs, resolveFilters } from '../../src/search/index.ts'

const available = {
  year: { '2022': 3, '2020': 1, unknown: 1 },
  province: { 天津市: 2, 四川省: 1, unknown: 1 },
  agency: { 天津市人民政府: 1, 巴中市政务服务和大数据管理局: 1 },
}

describe('resolveFilters', () => {
  it('takes stored values and the Chinese labels the page shows', () => {
    expect(resolveFilters({ q: '执法', level: '市级', kind: '存在的不足和原因', year: '2022年度' }, available).value).toEqual({
      q: '执法',
      level: 'city',
      kind: 'shortcomings',
      year: '2022',
    })
    expect(resolveFilters({ q: '', level: 'county', year: '2020' }, available).value).toEqual({ q: '', level: 'county', year: '2020' })
  })
  it('takes 年度未知 and 地区未知, and a province without its suffix when unambiguous', () => {
    expect(resolveFilters({ q: '', year: '年度未知', province: '地区未知' }, available).value).toEqual({ q: '', year: 'unknown', province: 'unknown' })
    expect(resolveFilters({ q: '', province: '天津' }, available).value).toEqual({ q: '', province: '天津市' })
  })
  it('names the accepted values when a value does not exist, in Chinese, with the rule id', () => {
    const province = resolveFilters({ q: '执法', province: '广东' }, available)
    expect(province.value).toBeNull()
    expect(province.messages).toEqual([
      { file: '--province', line: null, reason: '没有省份“广东”；可选：四川省、天津市、地区未知', ruleId: 'unknown-filter-value', severity: 'error' },
    ])
    const level = resolveFilters({ q: '执法', level: 'prefecture' }, available)
    expect(level.messages[0]?.reason).toBe('没有层级“prefecture”；可选：province（省级）、city（市级）、county（县级）、township（乡镇级）、department（部门）、central（中央部门）')
    expect(resolveFilters({ q: '', year: '2019' }, available).messages[0]?.reason).toBe('没有年度“2019”；可选：2022年度、2020年度、年度未知')
  })
  it('lists the agencies holding what was typed when the name is not exact', () => {
    expect(resolveFilters({ q: '', agency: '巴中市' }, available).messages[0]?.reason).toBe('没有机构“巴中市”；可选：巴中市政务服务和大数据管理局')
  })
})

describe('readSearchArgs', () => {
  it('reads the query and the options', () => {
    expect(readSearchArgs(['行政复议', '执法', '--year', '2022', '--limit', '5', '--json'])).toEqual({
      kind: 'search',
      state: { q: '行政复议 执法', year: '2022' },
      limit: 5,
      json: true,
      site: '_site',
    })
  })
  it('asks for help', () => {
    expect(readSearchArgs(['--help'])).toEqual({ kind: 'help' })
    expect(readSearchArgs(['-h'])).toEqual({ kind: 'help' })
  })
  it('names the options that exist when one does not', () => {
    const read = readSearchArgs(['执法', '--region', '天津'])
    expect(read).toMatchObject({ kind: 'error', ruleId: 'bad-option' })
    expect(read.kind === 'error' && read.reason).toMatch(/^未知选项 --region；可用的选项：--year、--kind、--province、--level、--agency/)
  })
  it('refuses an empty query, a bad --limit and an unknown --sort', () => {
    expect(readSearchArgs([])).toMatchObject({ kind: 'error', ruleId: 'no-query' })
    expect(readSearchArgs(['执法', '--limit', '0'])).toMatchObject({ kind: 'error', ruleId: 'bad-option' })
    expect(readSearchArgs(['执法', '--sort', 'date'])).toMatchObject({ kind: 'error', ruleId: 'bad-option' })
    expect(readSearchArgs(['执法', '--year'])).toMatchObject({ kind: 'error', ruleId: 'bad-option' })
  })
})
