// Offline search of a built site: `npm run --silent search -- 行政复议 --year 2022 --json`.
import { formatMessage } from '../src/messages.ts'
import { formatHits, readSearchArgs, searchSite, searchUsage, toJsonHits } from '../src/search/index.ts'

const args = readSearchArgs(process.argv.slice(2))
if (args.kind === 'help') {
  console.log(searchUsage)
} else if (args.kind === 'error') {
  console.error(`${args.reason} [${args.ruleId}]\n\n${searchUsage}`)
  process.exitCode = 2
} else {
  const result = await searchSite(args.site, args.state, args.limit)
  for (const m of result.messages) {
    console.error(m.ruleId === 'unknown-filter-value' ? `${m.file}：${m.reason} [${m.ruleId}]` : formatMessage(m))
  }
  if (result.value) {
    const { hits, total, approximate } = result.value
    process.stdout.write(args.json ? `${JSON.stringify(toJsonHits(hits), null, 2)}\n` : formatHits(hits, total, approximate))
  }
  if (result.messages.some((m) => m.ruleId === 'unknown-filter-value')) process.exitCode = 2
  else if (result.messages.some((m) => m.severity === 'error')) process.exitCode = 1
}
