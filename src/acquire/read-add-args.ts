import { parseArgs } from 'node:util'
import { describe } from '../messages.ts'

/** The add CLI's usage, printed after a usage error. */
const addUsage = '用法：npm run add -- 网址… [--from 网址列表文件] [--refresh] [--reports 文件夹]'

/** What `npm run add` was asked, or a usage error (in Chinese, with its rule id). */
export type AddArgs =
  | { kind: 'add'; urls: string[]; from: string | null; refresh: boolean; root: string }
  | { kind: 'error'; reason: string; ruleId: 'bad-option' }

/**
 * Read `URL…`, `--from FILE`, `--refresh` and `--reports DIR` (also `--flag=value`; after `--` every argument is a
 * URL). An unknown option, an option without its value, or nothing to fetch is a usage error.
 * @example readAddArgs(['http://example.gov.cn/a.html', '--reports=r']) // { kind: 'add', urls: ['http://…'], root: 'r', … }
 */
export function readAddArgs(argv: readonly string[]): AddArgs {
  const args = { kind: 'add' as const, urls: [] as string[], from: null as string | null, refresh: false, root: 'reports' }
  // Not strict: parseArgs then hands back unknown options and missing values as tokens, for a message in Chinese.
  const { tokens } = parseArgs({
    args: [...argv],
    options: { from: { type: 'string' }, refresh: { type: 'boolean' }, reports: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') {
      args.urls.push(token.value)
    } else if (token.name === 'refresh' && token.value === undefined) {
      args.refresh = true
    } else if (token.name === 'from' || token.name === 'reports') {
      // `--from --refresh` names no file: the next option is not taken as the value.
      if (!token.value || (!token.inlineValue && token.value.startsWith('-'))) return usageError(`${token.rawName} 需要一个值`)
      if (token.name === 'from') args.from = token.value
      else args.root = token.value
    } else {
      return usageError(`未知选项 ${argv[token.index] ?? token.rawName}`)
    }
  }
  if (args.urls.length === 0 && args.from === null && !args.refresh) return usageError('没有要抓取的网址')
  return args
}

function usageError(detail: string): AddArgs {
  return { kind: 'error', reason: describe('bad-option', { detail: `${detail}；${addUsage}` }), ruleId: 'bad-option' }
}
