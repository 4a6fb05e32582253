// The search CLI as a process: usage, errors in Chinese with the rule id, exit codes. No site is needed for these.
import { describe, expect, it } from 'vitest'
import { runScript } from '../run-script.ts'

const cli = (args: string[]) => runScript('search', args)

describe('search CLI', () => {
  it('prints its usage for --help', async () => {
    const { code, stdout } = await cli(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^用法：npm run --silent search -- 关键词/)
    expect(stdout).toContain('--level L')
  }, 60_000)
  it('exits 2 naming the options for an unknown one', async () => {
    const { code, stderr, stdout } = await cli(['执法', '--region', '广东'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^未知选项 --region；可用的选项：.*--province.* \[bad-option\]/)
  }, 60_000)
})
