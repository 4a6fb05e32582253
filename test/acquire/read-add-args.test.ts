import { describe, expect, it } from 'vitest'
import { readAddArgs } from '../../src/acquire/index.ts'

describe('readAddArgs', () => {
  it('reads URLs, --from, --refresh and --reports, also as --flag=value', () => {
    expect(readAddArgs(['http://a.gov.cn/1.html', '--from', 'urls.txt', '--reports=r', 'http://a.gov.cn/2.html'])).toEqual({
      kind: 'add', urls: ['http://a.gov.cn/1.html', 'http://a.gov.cn/2.html'], from: 'urls.txt', refresh: false, root: 'r',
    })
    expect(readAddArgs(['--refresh'])).toEqual({ kind: 'add', urls: [], from: null, refresh: true, root: 'reports' })
  })

  it('takes every argument after -- as a URL', () => {
    expect(readAddArgs(['--', '--odd'])).toMatchObject({ kind: 'add', urls: ['--odd'] })
  })

  it('names an unknown option, a missing value and an empty request in Chinese, with the usage', () => {
    expect(readAddArgs(['--bogus'])).toEqual({ kind: 'error', ruleId: 'bad-option', reason: expect.stringMatching(/^未知选项 --bogus；用法：npm run add -- 网址…/) })
    expect(readAddArgs(['http://a.gov.cn/1.html', '--reports'])).toMatchObject({ kind: 'error', reason: expect.stringMatching(/^--reports 需要一个值；/) })
    expect(readAddArgs(['--from', '--refresh'])).toMatchObject({ kind: 'error', reason: expect.stringMatching(/^--from 需要一个值；/) })
    expect(readAddArgs(['--refresh=yes'])).toMatchObject({ kind: 'error', reason: expect.stringMatching(/^--refresh 不带取值（收到 --refresh=yes）；/) })
    expect(readAddArgs(['--help'])).toEqual({ kind: 'help' })
    expect(readAddArgs([])).toMatchObject({ kind: 'error', reason: expect.stringMatching(/^没有要抓取的网址；/) })
  })
})
