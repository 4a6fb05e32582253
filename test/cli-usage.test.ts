// Every entry point in scripts/ as a process: --help prints Chinese usage, an unknown option is a Chinese usage error
// naming it, exit code 2, never Node's English ERR_PARSE_ARGS error with its stack trace.
import { describe, expect, it } from 'vitest'
import { runScript } from './run-script.ts'

const scripts = ['add', 'bench', 'build', 'evaluate', 'parse', 'search', 'start']

describe.each(scripts)('npm run %s', (name) => {
  it('prints its usage in Chinese for --help, exit code 0', async () => {
    const { code, stdout, stderr } = await runScript(name, ['--help'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^用法：/)
  }, 60_000)

  it('refuses an unknown option in Chinese, naming it, exit code 2', async () => {
    const { code, stdout, stderr } = await runScript(name, ['--bogus'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/未知选项 --bogus；.* \[bad-option\]/)
    expect(stderr).not.toMatch(/ERR_PARSE_ARGS|\n\s+at /)
  }, 60_000)
})
