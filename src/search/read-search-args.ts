import { readCliArgs } from '../cli-args.ts'
import { describe } from '../messages.ts'
import { levels, sectionKinds } from '../vocabulary.ts'
import type { SearchState } from '../../templates/assets/search.core.js'

/** `township（乡镇级）`: an id as the CLI takes it, with the label the page shows. */
const named = (entry: { kind: string; label: string } | { level: string; label: string }): string => `${'kind' in entry ? entry.kind : entry.level}（${entry.label}）`

/** The search CLI's usage, printed by `--help` and after a usage error; the kinds and levels from `src/vocabulary.ts`. */
export const searchUsage = `用法：npm run --silent search -- 关键词… [选项]

在构建好的站点索引里离线搜索（与搜索页相同的结果和顺序）。以空格分开的词须全部出现；标点、空格、全角半角、繁简体不影响匹配。

选项：
  --year Y        年度，如 2022、2022年度；年度未知
  --kind K        部分：${sectionKinds.slice(0, 3).map(named).join('、')}、
                  ${sectionKinds.slice(3).map(named).join('、')}
  --province P    省份，如 天津市（或 天津）；地区未知
  --level L       层级：${levels.map(named).join('、')}，英文或中文均可（也可写 乡镇、县 等）
  --agency A      机构全称
  --sort relevance  跨年度按相关度排序（默认按年度、再按发布日期从新到旧）
  --limit N       显示前 N 篇（默认 10）
  --json          输出 JSON：[{url, title, excerpt, sub_results: [{url, title}]}]
  --site DIR      站点目录（默认 _site）
  --help          显示本说明`

/** What the CLI was asked: the search, or help, or a usage error (in Chinese, with its rule id). */
export type SearchArgs =
  | { kind: 'search'; state: SearchState; limit: number; json: boolean; site: string }
  | { kind: 'help' }
  | { kind: 'error'; reason: string; ruleId: string }

const options = {
  year: { type: 'string' },
  kind: { type: 'string' },
  province: { type: 'string' },
  level: { type: 'string' },
  agency: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string', default: '10' },
  json: { type: 'boolean', default: false },
  site: { type: 'string', default: '_site' },
} as const

/**
 * Read the search CLI's arguments. Unknown options, a missing value, a bad `--limit` or `--sort` and an empty query
 * are usage errors naming what is accepted; filter values are checked later, against the index (`resolveFilters`).
 * @example readSearchArgs(['行政复议', '--year', '2022'])
 */
export function readSearchArgs(args: string[]): SearchArgs {
  const parsed = readCliArgs(args, options, `可用的选项：${Object.keys(options).map((name) => `--${name}`).join('、')}、--help`)
  if (parsed.kind !== 'args') return parsed
  const { values, positionals } = parsed
  const { json, site, limit, ...filters } = values
  const state: SearchState = { q: positionals.join(' ').trim(), ...filters }
  const count = Number(limit)
  if (!state.q && Object.keys(filters).length === 0) return { kind: 'error', reason: describe('no-query'), ruleId: 'no-query' }
  if (filters.sort !== undefined && filters.sort !== 'relevance') {
    return { kind: 'error', reason: describe('bad-option', { detail: `--sort 只接受 relevance（默认按年度、再按发布日期从新到旧），收到“${filters.sort}”` }), ruleId: 'bad-option' }
  }
  if (!Number.isInteger(count) || count < 1) return { kind: 'error', reason: describe('bad-option', { detail: `--limit 须为正整数，收到“${limit}”` }), ruleId: 'bad-option' }
  return { kind: 'search', state, limit: count, json, site }
}
