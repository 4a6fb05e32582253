import { readCliArgs } from '../cli-args.ts'
import { describe } from '../messages.ts'

/** The add CLI's usage, printed by `--help` and after a usage error. */
export const addUsage = '用法：npm run add -- 网址… [--from 网址列表文件] [--refresh] [--reports 文件夹]'

/** What `npm run add` was asked, or a usage error (in Chinese, with its rule id). */
export type AddArgs =
  | { kind: 'add'; urls: string[]; from: string | null; refresh: boolean; root: string }
  | { kind: 'help' }
  | { kind: 'error'; reason: string; ruleId: 'bad-option' }

/**
 * Read `URL…`, `--from FILE`, `--refresh` and `--reports DIR` (also `--flag=value`; after `--` every argument is a
 * URL), or `--help`. An unknown option, an option without its value, or nothing to fetch is a usage error.
 * @example readAddArgs(['http://example.gov.cn/a.html', '--reports=r']) // { kind: 'add', urls: ['http://…'], root: 'r', … }
 */
export function readAddArgs(argv: readonly string[]): AddArgs {
  const parsed = readCliArgs(argv, { from: { type: 'string' }, refresh: { type: 'boolean', default: false }, reports: { type: 'string', default: 'reports' } }, addUsage)
  if (parsed.kind !== 'args') return parsed
  const { values, positionals } = parsed
  if (positionals.length === 0 && values.from === undefined && !values.refresh) {
    return { kind: 'error', reason: describe('bad-option', { detail: `没有要抓取的网址；${addUsage}` }), ruleId: 'bad-option' }
  }
  return { kind: 'add', urls: positionals, from: values.from ?? null, refresh: values.refresh, root: values.reports }
}
