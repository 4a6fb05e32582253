import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashParserSources, openParseCache } from '../../src/build/parse-cache.ts'
import type { Report, Result } from '../../src/types.ts'

let dir: string
let root: string
let cacheDir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parse-cache-'))
  root = path.join(dir, 'reports')
  cacheDir = path.join(dir, 'cache')
  await mkdir(path.join(root, '2022'), { recursive: true })
  await writeFile(path.join(root, '2022/a.txt'), '一、主要举措和成效\n')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const result: Result<Report> = {
  value: null,
  messages: [{ file: '2022/a.txt', line: 3, reason: '缺少“存在的不足和原因”', ruleId: 'missing-shortcomings', severity: 'warning' }],
}

describe('openParseCache', () => {
  it('returns what was stored under a key, and nothing for an unknown key', async () => {
    const cache = await openParseCache({ dir: cacheDir, version: '0123456789abcdef' })
    const key = await cache.keyOf(path.join(root, '2022/a.txt'), root)
    expect(await cache.get(key)).toBeNull()
    await cache.set(key, result)
    expect(await cache.get(key)).toEqual(result)
  })

  it('changes the key when the bytes, the sidecar, the path or the parser version change', async () => {
    const file = path.join(root, '2022/a.txt')
    const cache = await openParseCache({ dir: cacheDir, version: '0123456789abcdef' })
    const first = await cache.keyOf(file, root)
    expect(await cache.keyOf(file, root)).toBe(first)
    await writeFile(path.join(root, '2022/a.meta.yml'), 'year: 2022\n')
    const withSidecar = await cache.keyOf(file, root)
    expect(withSidecar).not.toBe(first)
    await writeFile(file, '一、主要举措和成效。\n')
    const edited = await cache.keyOf(file, root)
    expect(new Set([first, withSidecar, edited]).size).toBe(3)
    const other = await openParseCache({ dir: cacheDir, version: 'fedcba9876543210' })
    expect(await other.keyOf(file, root)).not.toBe(edited)
    await writeFile(path.join(root, '2022/b.txt'), '一、主要举措和成效。\n')
    expect(await cache.keyOf(path.join(root, '2022/b.txt'), root)).not.toBe(edited)
  })

  it('takes the key of a settled file from its stat, and reads the file again once its size, times or sidecar change', async () => {
    const file = path.join(root, '2022/a.txt')
    // Every file counts as settled here: how long ago it changed is the next test's.
    const open = () => openParseCache({ dir: cacheDir, version: '0123456789abcdef', settledMs: -3_600_000 })
    const first = await open()
    const key = await first.keyOf(file, root)
    expect(first.hashed()).toBe(1)
    await first.saveKeys()
    const second = await open()
    expect(await second.keyOf(file, root)).toBe(key)
    expect(second.hashed()).toBe(0)
    await writeFile(file, '一、主要举措和成效，改。\n')
    const edited = await second.keyOf(file, root)
    expect(second.hashed()).toBe(1)
    expect(edited).not.toBe(key)
    await second.saveKeys()
    const third = await open()
    await writeFile(path.join(root, '2022/a.meta.yml'), 'year: 2022\n')
    const withSidecar = await third.keyOf(file, root)
    expect(third.hashed()).toBe(1)
    expect(new Set([key, edited, withSidecar]).size).toBe(3)
    // What the stat gave is what reading gives: a cache with no kept keys reads the file and agrees.
    await rm(path.join(cacheDir, '0123456789abcdef', 'stat-keys.json'))
    expect(await (await open()).keyOf(file, root)).toBe(withSidecar)
  })

  it('reads a file that changed within `settledMs` again next time', async () => {
    const file = path.join(root, '2022/a.txt')
    const open = () => openParseCache({ dir: cacheDir, version: '0123456789abcdef', settledMs: 3_600_000 })
    const first = await open()
    const key = await first.keyOf(file, root)
    await first.saveKeys()
    const second = await open()
    expect(await second.keyOf(file, root)).toBe(key)
    expect(second.hashed()).toBe(1)
  })

  it('drops entries of other parser versions when opened', async () => {
    const old = await openParseCache({ dir: cacheDir, version: '0123456789abcdef' })
    await old.set(await old.keyOf(path.join(root, '2022/a.txt'), root), result)
    await openParseCache({ dir: cacheDir, version: 'fedcba9876543210' })
    expect(await readdir(cacheDir)).toEqual(['fedcba9876543210'])
  })
})

describe('hashParserSources', () => {
  it('hashes the ingest and parse sources into a stable 16-digit version that follows their content', async () => {
    const src = path.join(dir, 'src')
    await mkdir(path.join(src, 'parse'), { recursive: true })
    await mkdir(path.join(src, 'ingest'), { recursive: true })
    await writeFile(path.join(src, 'types.ts'), 'export type A = 1\n')
    await writeFile(path.join(src, 'parse/parse-report.ts'), 'export const a = 1\n')
    const first = await hashParserSources(src)
    expect(first).toMatch(/^[0-9a-f]{16}$/)
    expect(await hashParserSources(src)).toBe(first)
    await writeFile(path.join(src, 'parse/parse-report.ts'), 'export const a = 2\n')
    const second = await hashParserSources(src)
    expect(second).not.toBe(first)
    // A new wording in the message catalogue is a new parser version too.
    await writeFile(path.join(src, 'messages.ts'), 'export const catalogue = {}\n')
    const third = await hashParserSources(src)
    expect(third).not.toBe(second)
    // So is a new way to make the digests kept with each report.
    await mkdir(path.join(src, 'site'), { recursive: true })
    await writeFile(path.join(src, 'site/drop-duplicate-reports.ts'), 'export const bodyKey = 1\n')
    const fourth = await hashParserSources(src)
    expect(fourth).not.toBe(third)
    await mkdir(path.join(src, 'build'), { recursive: true })
    await writeFile(path.join(src, 'build/sections-key.ts'), 'export const sectionsKey = 1\n')
    expect(await hashParserSources(src)).not.toBe(fourth)
  })
})
