import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writePiece } from '../../src/files/unlinked-file.ts'
import { writeInParts, type PartsLayout } from '../../src/open-data/write-in-parts.ts'

let work = ''
beforeAll(async () => void (work = await mkdtemp(path.join(tmpdir(), 'write-in-parts-'))))
afterAll(async () => rm(work, { recursive: true, force: true }))

const layout: PartsLayout = { head: '[\n', separator: ',\n', tail: '\n]\n', empty: '[]\n' }
/** Each id's part, as the last build and this one make it. */
const before: Record<string, string> = { a: '  "甲"', b: '  "乙"', c: '  "丙"' }
const after: Record<string, string> = { a: '  "甲"', b: '  "乙，改"', bb: '  "新"', c: '  "丙"' }

describe('writeInParts', () => {
  it('writes head, parts and tail, and says where each part lies', async () => {
    const file = path.join(work, 'fresh.json')
    const written = await writeInParts(file, layout, ['a', 'b', 'c'], (id) => before[id] as string)
    const bytes = await readFile(file)
    expect(bytes.toString()).toBe('[\n  "甲",\n  "乙",\n  "丙"\n]\n')
    expect(written.bytes).toBe(bytes.length)
    for (const id of ['a', 'b', 'c']) {
      const [offset, length] = written.parts[id] ?? [0, 0]
      expect(bytes.subarray(offset, offset + length).toString()).toBe(before[id])
    }
  })

  it('copies the unchanged parts from the last file and makes only the others, to the bytes of a fresh write', async () => {
    const file = path.join(work, 'kept.json')
    const previous = await writeInParts(file, layout, ['a', 'b', 'c'], (id) => before[id] as string)
    const made: string[] = []
    const ids = ['a', 'b', 'bb', 'c']
    const written = await writeInParts(file, layout, ids, (id) => (made.push(id), after[id] as string), { previous, unchanged: (id) => id !== 'b' })
    // 'bb' is new: no part of the last file is its part, though it is called unchanged.
    expect(made).toEqual(['b', 'bb'])
    const fresh = path.join(work, 'kept-fresh.json')
    const expected = await writeInParts(fresh, layout, ids, (id) => after[id] as string)
    expect(await readFile(file)).toEqual(await readFile(fresh))
    expect(written).toEqual(expected)
  })

  it('copies runs of kept parts longer than one write, to the bytes of a fresh write', async () => {
    const file = path.join(work, 'long.csv')
    const ids = Array.from({ length: 3000 }, (_, index) => `r${index}`)
    const text = (id: string, edition: string) => `${id},${edition},${'法治'.repeat(500)}\r\n`
    const previous = await writeInParts(file, { head: 'id\r\n', separator: '', tail: '' }, ids, (id) => text(id, 'old'))
    // Two runs of ~1,500 parts of 3 KB: each more than a 4 MB write.
    expect(previous.bytes).toBeGreaterThan(2 * writePiece)
    const changed = new Set(['r1500', 'r2999'])
    const made: string[] = []
    const partOf = (id: string) => text(id, changed.has(id) ? 'new' : 'old')
    const written = await writeInParts(file, { head: 'id\r\n', separator: '', tail: '' }, ids, (id) => (made.push(id), partOf(id)), { previous, unchanged: (id) => !changed.has(id) })
    expect(made).toEqual(['r1500', 'r2999'])
    const fresh = path.join(work, 'long-fresh.csv')
    expect(written).toEqual(await writeInParts(fresh, { head: 'id\r\n', separator: '', tail: '' }, ids, partOf))
    expect((await readFile(file)).equals(await readFile(fresh))).toBe(true)
  })

  it('makes every part afresh when the last file is not the size it was left at', async () => {
    const file = path.join(work, 'edited.json')
    const previous = await writeInParts(file, layout, ['a', 'b', 'c'], (id) => before[id] as string)
    await writeFile(file, '[\n  "改过"\n]\n')
    const made: string[] = []
    await writeInParts(file, layout, ['a', 'b', 'c'], (id) => (made.push(id), before[id] as string), { previous, unchanged: () => true })
    expect(made).toEqual(['a', 'b', 'c'])
    expect(await readFile(file, 'utf8')).toBe('[\n  "甲",\n  "乙",\n  "丙"\n]\n')
  })

  it('writes the empty form when there are no parts', async () => {
    const file = path.join(work, 'empty.json')
    expect(await writeInParts(file, layout, [], () => 'never')).toEqual({ bytes: 3, parts: {} })
    expect(await readFile(file, 'utf8')).toBe('[]\n')
  })
})
