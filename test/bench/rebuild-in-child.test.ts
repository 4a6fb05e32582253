import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildInChild } from '../../src/bench/rebuild-in-child.ts'

describe('rebuildInChild', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fazhi-rebuild-child-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('runs the rebuild in a new process and turns its failure into a Chinese error with its exit and output', async () => {
    // A file where the bench's folder should be: the build cannot write its site, so the process fails.
    const blocked = path.join(dir, 'not-a-folder')
    await writeFile(blocked, '')
    const passed: string[] = []
    const failure = await rebuildInChild({ workDir: blocked, analyse: false }, { write: (chunk: string) => (passed.push(chunk), true) }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(Error)
    const message = (failure as Error).message
    expect(message).toMatch(/^--touch 改动报告后的重新构建（独立进程）失败：退出码 [1-9]\d*：/)
    expect(message).toMatch(/\[bench-rebuild-failed\]$/)
    // What the process printed reached the bench's stream as it came, and its end is in the message.
    expect(passed.join('')).toContain('not-a-folder')
    expect(message).toContain('not-a-folder')
  }, 120_000)
})
