import { describe, expect, it } from 'vitest'
import { readCliArgs } from '../src/cli-args.ts'

const options = { from: { type: 'string' }, refresh: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } } as const
const read = (argv: string[], positionals = true) => readCliArgs(argv, options, '用法：示例', { positionals })
const reasonOf = (argv: string[], positionals = true): string => {
  const args = read(argv, positionals)
  return args.kind === 'error' ? args.reason : `not an error: ${args.kind}`
}

describe('readCliArgs', () => {
  it('reads options, inline values, repeated options and positionals, everything after -- positional', () => {
    expect(read(['a', '--from', 'f', '--only=x', '--only', 'y', '--', '--refresh'])).toEqual({
      kind: 'args',
      values: { from: 'f', only: ['x', 'y'], refresh: false },
      positionals: ['a', '--refresh'],
    })
  })

  it('asks for help with --help or -h, whatever else is given', () => {
    expect(read(['--help'])).toEqual({ kind: 'help' })
    expect(read(['a', '-h', '--refresh'])).toEqual({ kind: 'help' })
  })

  it('names an unknown option, a missing value, a value given to a flag and an extra argument in Chinese, with the hint', () => {
    expect(read(['--bogus'])).toEqual({ kind: 'error', ruleId: 'bad-option', reason: '未知选项 --bogus；用法：示例' })
    expect(reasonOf(['-x'])).toBe('未知选项 -x；用法：示例')
    expect(reasonOf(['--bogus=1'])).toBe('未知选项 --bogus=1；用法：示例')
    expect(reasonOf(['--from'])).toBe('--from 需要一个值；用法：示例')
    expect(reasonOf(['--from='])).toBe('--from 需要一个值；用法：示例')
    expect(reasonOf(['--from', '--refresh'])).toBe('--from 需要一个值；用法：示例')
    expect(reasonOf(['--refresh=yes'])).toBe('--refresh 不带取值（收到 --refresh=yes）；用法：示例')
    expect(reasonOf(['extra'], false)).toBe('多余的参数 extra；用法：示例')
  })
})
