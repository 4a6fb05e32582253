// Offline search of a built site: `npm run --silent search -- 行政复议 --year 2022 --json`.
import { parseArgs } from 'node:util'
import { formatMessage } from '../src/messages.ts'
import { formatHits, searchSite, toJsonHits } from '../src/search/index.ts'

const usage = '用法：npm run --silent search -- 关键词 [--year Y] [--kind K] [--province P] [--level L] [--agency A] [--sort relevance] [--limit N] [--json] [--site _site]'
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    year: { type: 'string' },
    kind: { type: 'string' },
    province: { type: 'string' },
    level: { type: 'string' },
    agency: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    site: { type: 'string', default: '_site' },
  },
})
const { json, site, limit, ...filters } = values
const state = { q: positionals.join(' '), ...filters }
const count = Number(limit)
if (!state.q && Object.keys(filters).length === 0) {
  console.error(usage)
  process.exitCode = 2
} else if (filters.sort !== undefined && filters.sort !== 'relevance') {
  console.error(`--sort 只接受 relevance（默认按年度从新到旧排序），收到的是 ${filters.sort}\n${usage}`)
  process.exitCode = 2
} else if (!Number.isInteger(count) || count < 1) {
  console.error(`--limit 应为正整数，收到的是 ${limit}\n${usage}`)
  process.exitCode = 2
} else {
  const result = await searchSite(site, state, count)
  for (const m of result.messages) console.error(formatMessage(m))
  if (result.value) {
    process.stdout.write(json ? `${JSON.stringify(toJsonHits(result.value.hits), null, 2)}\n` : formatHits(result.value.hits, result.value.total, result.value.approximate))
  }
  if (result.messages.some((m) => m.severity === 'error')) process.exitCode = 1
}
