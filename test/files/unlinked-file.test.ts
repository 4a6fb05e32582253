import { closeSync, fstatSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { collectGarbage } from '../../src/build/collect-garbage.ts'
import { closeHeld, createAppender, openTemporary, openUnlinked, readExactly, writePiece, type HeldFile } from '../../src/files/unlinked-file.ts'

/** Bytes of `length` that say where they come from: the same seed gives the same bytes. */
function bytesOf(length: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(length)
  for (let at = 0; at < length; at++) bytes[at] = (at * 31 + seed * 7) & 0xff
  return bytes
}

describe('createAppender', () => {
  it('puts each piece at the offset it said, whatever its size against a write', () => {
    const fd = openUnlinked('appender-test')
    if (fd === null) throw new Error('no temporary file')
    try {
      const appender = createAppender(fd, 5)
      // Small pieces, one that fills a write exactly, one larger than a write, and small ones after.
      const sizes = [1, 1000, writePiece - 1001, 3, writePiece, 17, writePiece * 2 + 5, 0, 64 * 1024]
      const placed = sizes.map((size, index) => ({ at: appender.append(bytesOf(size, index)), size, index }))
      appender.flush()
      let next = 5
      for (const { at, size, index } of placed) {
        expect(at).toBe(next)
        expect(readExactly(fd, at, size)?.equals(bytesOf(size, index))).toBe(true)
        next += size
      }
      expect(appender.written()).toBe(next)
      expect(readExactly(fd, next, 1)).toBeNull()
    } finally {
      closeSync(fd)
    }
  })

  it('writes nothing until a write is full or it is flushed', () => {
    const fd = openUnlinked('appender-test')
    if (fd === null) throw new Error('no temporary file')
    try {
      const appender = createAppender(fd)
      appender.append(bytesOf(10, 1))
      expect(appender.written()).toBe(0)
      appender.append(bytesOf(writePiece, 2))
      // The first piece went out to make room, the full one at once.
      expect(appender.written()).toBe(10 + writePiece)
      appender.append(bytesOf(3, 3))
      appender.flush()
      expect(appender.written()).toBe(13 + writePiece)
      expect(readExactly(fd, 10 + writePiece, 3)?.equals(bytesOf(3, 3))).toBe(true)
    } finally {
      closeSync(fd)
    }
  })
})

/** Whether `fd` is an open descriptor of this process. */
function isOpen(fd: number): boolean {
  try {
    fstatSync(fd)
    return true
  } catch {
    return false
  }
}

describe('openTemporary', () => {
  it('closes the file once nothing holds it', async () => {
    // Made in a function of its own, so that nothing of this test's scope holds the file.
    const openAndDrop = (): { fd: number; held: WeakRef<HeldFile> } => {
      const file = openTemporary('temporary-test')
      if (file === null) throw new Error('no temporary file')
      return { fd: file.fd, held: new WeakRef(file) }
    }
    const { fd, held } = openAndDrop()
    expect(isOpen(fd)).toBe(true)
    // The registry's callback runs after a collection, as a task of its own: waited for, with a bound as hang guard.
    for (let turn = 0; turn < 1000 && isOpen(fd); turn++) {
      collectGarbage()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(held.deref()).toBeUndefined()
    expect(isOpen(fd)).toBe(false)
  })

  it('is closed once by hand, and not again when collected', () => {
    const file = openTemporary('temporary-test')
    if (file === null) throw new Error('no temporary file')
    const fd = file.fd
    closeHeld(file)
    expect(file.fd).toBe(-1)
    expect(isOpen(fd)).toBe(false)
    // A second close is nothing.
    closeHeld(file)
    expect(file.fd).toBe(-1)
  })
})
