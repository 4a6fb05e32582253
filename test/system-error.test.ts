import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { describeSystemError, errorCode, isMissingFile } from '../src/system-error.ts'

describe('system errors', () => {
  it('reads the code of a file-system error and says it in Chinese', async () => {
    const error = await readFile('/nonexistent/report.txt').catch((caught: unknown) => caught)
    expect(errorCode(error)).toBe('ENOENT')
    expect(isMissingFile(error)).toBe(true)
    expect(describeSystemError(error)).toBe('文件不存在 (ENOENT)')
  })

  it('describes a failed fetch by its cause, and an error without a code by its message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
    expect(describeSystemError(new TypeError('fetch failed', { cause: refused }))).toBe('连接被拒绝 (ECONNREFUSED)')
    expect(describeSystemError(new Error('奇怪的错误'))).toBe('奇怪的错误')
    expect(errorCode('not an error')).toBe('')
    expect(isMissingFile(refused)).toBe(false)
  })
})
