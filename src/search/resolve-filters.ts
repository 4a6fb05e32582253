import { createMessage } from '../messages.ts'
import type { Message, Result } from '../types.ts'
import { levelOf, levels, sectionKinds } from '../vocabulary.ts'
import { filterKeys, filterLabel, unknownValue, type FilterCounts, type SearchState } from '../../templates/assets/search.core.js'

/** What each filter is called in messages. */
const filterNames: Record<(typeof filterKeys)[number], string> = { year: '年度', kind: '部分', province: '省份', level: '层级', agency: '机构' }

/** Most values named in a message: agencies run to thousands. */
const listed = 40

/**
 * Turn the filter values a person typed into the values the index holds, or say which values exist. Each filter
 * takes its value as stored (`city`, `2022`, `天津市`) or as the search page labels it (`市级`, `2022年度`,
 * `年度未知`, `地区未知`; a level also by any word `src/vocabulary.ts` gives it, such as `乡镇`); a province may be named without its suffix (`广东` for `广东省`) when that is unambiguous.
 * Levels and kinds are checked against the fixed lists, the rest against the values in the index (`available`).
 * @example resolveFilters({ q: '执法', level: '市级' }, filters).value // { q: '执法', level: 'city' }
 */
export function resolveFilters(state: SearchState, available: FilterCounts): Result<SearchState> {
  const resolved: SearchState = { ...state }
  const messages: Message[] = []
  for (const key of filterKeys) {
    const typed = state[key]?.trim()
    if (typed === undefined || typed === '') continue
    const values = valuesOf(key, available)
    const value = matchValue(key, typed, values)
    if (value !== null) resolved[key] = value
    else messages.push(unknownValueMessage(key, typed, values))
  }
  return messages.length > 0 ? { value: null, messages } : { value: resolved, messages: [] }
}

/** The values a filter can take: the fixed lists for levels and kinds, else those in the index, in menu order. */
function valuesOf(key: (typeof filterKeys)[number], available: FilterCounts): string[] {
  if (key === 'level') return levels.map((entry) => entry.level)
  if (key === 'kind') return sectionKinds.map((entry) => entry.kind)
  const values = Object.keys(available[key] ?? {}).filter((value) => value !== unknownValue)
  values.sort(key === 'year' ? (a, b) => Number(b) - Number(a) : (a, b) => a.localeCompare(b, 'zh-CN'))
  return unknownValue in (available[key] ?? {}) ? [...values, unknownValue] : values
}

function matchValue(key: string, typed: string, values: string[]): string | null {
  const exact = values.find((value) => value === typed || filterLabel(key, value) === typed)
  if (exact !== undefined) return exact
  if (key === 'level') return levelOf(typed)
  if (key === 'year') return values.find((value) => `${value}年` === typed || (value === unknownValue && typed === '未知')) ?? null
  if (key === 'province') {
    const prefixed = values.filter((value) => value !== unknownValue && value.startsWith(typed))
    return prefixed.length === 1 ? (prefixed[0] ?? null) : null
  }
  return null
}

function unknownValueMessage(key: (typeof filterKeys)[number], typed: string, values: string[]): Message {
  const near = key === 'agency' ? values.filter((value) => value.includes(typed)) : []
  const shown = (near.length > 0 ? near : values).slice(0, listed)
  const names = shown.map((value) => (key === 'level' || key === 'kind' ? `${value}（${filterLabel(key, value)}）` : filterLabel(key, value)))
  const more = (near.length > 0 ? near : values).length - shown.length
  const list = values.length === 0 ? '索引里没有这一项的任何值' : `可选：${names.join('、')}${more > 0 ? ` 等，另有 ${more} 个` : ''}`
  return createMessage('unknown-filter-value', { file: `--${key}`, severity: 'error' }, { name: filterNames[key], typed, accepted: list })
}
