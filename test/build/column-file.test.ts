import { readdirSync, statSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serialize } from 'node:v8'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inPieces, readColumnFile, typedInPieces, writeColumnFile } from '../../src/build/column-file.ts'

let work = ''
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'column-file-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('a column file', () => {
  it('reads back each value under its name, made one at a time as it is written', async () => {
    const file = path.join(work, 'memo.bin')
    const made: string[] = []
    const written: number[] = []
    function* columns(): Generator<readonly [string, unknown]> {
      made.push('version')
      yield ['version', '3/test']
      made.push('texts')
      yield ['texts', Array.from({ length: 1000 }, (_, index) => `第${index}段`.repeat(20))]
      // The columns before this one are in the file already: none waits in memory for the others.
      const temporary = readdirSync(work).find((name) => name.endsWith('.tmp')) ?? ''
      written.push(statSync(path.join(work, temporary)).size)
      made.push('numbers')
      yield ['numbers', Uint32Array.from({ length: 100_000 }, (_, index) => index * 7)]
    }
    await writeColumnFile(file, columns())
    expect(made).toEqual(['version', 'texts', 'numbers'])
    expect(written[0]).toBeGreaterThan(20 * 1000 * 4)
    const read = await readColumnFile(file)
    expect([...read.keys()]).toEqual(['version', 'texts', 'numbers'])
    expect(read.get('version')).toBe('3/test')
    expect((read.get('texts') as string[])[999]).toBe('第999段'.repeat(20))
    expect(read.get('numbers')).toEqual(Uint32Array.from({ length: 100_000 }, (_, index) => index * 7))
    expect(await readdir(work)).toEqual(['memo.bin'])
  })

  it('reads an array written in pieces under one name back as one array, in order', async () => {
    const file = path.join(work, 'pieces.bin')
    const keys = Array.from({ length: 25_001 }, (_, index) => `key-${index}`)
    const pieces = [...inPieces('keys', keys, (key) => key.toUpperCase())]
    expect(pieces.map(([, part]) => part.length)).toEqual([10_000, 10_000, 5_001])
    await writeColumnFile(file, [['version', 'x'], ...pieces, ...inPieces('none', [], (key: string) => key)])
    const read = await readColumnFile(file)
    expect(read.get('keys')).toEqual(keys.map((key) => key.toUpperCase()))
    expect(read.get('none')).toEqual([])
  })

  it('reads a typed column written in pieces back as one array of its kind, in order', async () => {
    const file = path.join(work, 'typed.bin')
    // 25,001 items of 3 values each: three pieces, each the parts of up to 10,000 items joined.
    const items = Array.from({ length: 25_001 }, (_, index) => Uint32Array.of(index, index * 2, 2 ** 32 - 1 - index))
    const pieces = [...typedInPieces('keys', items, (item) => item, new Uint32Array(0))]
    expect(pieces.map(([, part]) => part.length)).toEqual([30_000, 30_000, 15_003])
    await writeColumnFile(file, [['version', 'x'], ...pieces, ...typedInPieces('none', [], (item: Int32Array) => item, new Int32Array(0)), ['after', 1]])
    const read = await readColumnFile(file)
    const keys = read.get('keys')
    expect(keys).toBeInstanceOf(Uint32Array)
    expect(keys).toEqual(Uint32Array.from(items.flatMap((item) => [...item])))
    expect(read.get('none')).toEqual(new Int32Array(0))
    expect(read.get('after')).toBe(1)
  })

  it('hands the pieces of a column named in take to its function, with the values before, and keeps no more of it', async () => {
    const file = path.join(work, 'take.bin')
    const texts = Array.from({ length: 25_001 }, (_, index) => `listing ${index}`)
    await writeColumnFile(file, [['version', 'x'], ...inPieces('texts', texts, (text) => text), ['after', 1]])
    const pieces: { length: number; version: unknown; after: unknown }[] = []
    const read = await readColumnFile(file, new Map([['texts', (piece: unknown, before: ReadonlyMap<string, unknown>) => void pieces.push({ length: (piece as string[]).length, version: before.get('version'), after: before.get('after') })]]))
    expect(pieces).toEqual([10_000, 10_000, 5_001].map((length) => ({ length, version: 'x', after: undefined })))
    expect([...read.keys()]).toEqual(['version', 'after'])
  })

  it('refuses a file cut short, or one serialised whole (the earlier memo format)', async () => {
    const file = path.join(work, 'short.bin')
    await writeColumnFile(file, [['version', 'x'], ['texts', ['甲'.repeat(1000)]]])
    const whole = (await readFile(file)).length
    await truncate(file, whole - 10)
    await expect(readColumnFile(file)).rejects.toThrow()
    const older = path.join(work, 'older.bin')
    await writeFile(older, serialize({ version: '2/test', listings: ['{}'] }))
    await expect(readColumnFile(older)).rejects.toThrow()
  })

  it('leaves the file it replaces, and no temporary file, when making a column throws', async () => {
    const file = path.join(work, 'kept.bin')
    await writeColumnFile(file, [['version', 'old']])
    function* failing(): Generator<readonly [string, unknown]> {
      yield ['version', 'new']
      throw new Error('列生成失败')
    }
    await expect(writeColumnFile(file, failing())).rejects.toThrow('列生成失败')
    expect((await readColumnFile(file)).get('version')).toBe('old')
    expect((await readdir(work)).filter((name) => name.startsWith('kept'))).toEqual(['kept.bin'])
  })
})
