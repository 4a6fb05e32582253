import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FoldedTexts } from '../analysis/index.ts'

/** Folded paragraphs in a file, open until `close`. */
export interface FoldedFile extends FoldedTexts {
  close: () => void
}

/** Bytes gathered before a write. */
const writePiece = 4 * 2 ** 20
/** Paragraphs read last kept in memory: a paragraph many copy is read for each of them (every listing names it). */
const recentlyRead = 4096

/**
 * `findReuse`'s folded paragraphs in a temporary file, unlinked at once (no name is left, whatever becomes of the
 * build), each as UTF-16 code units, so that any string, lone surrogates too, reads back as it was written. The reuse
 * worker of a large build keeps them there: at 100,000 reports they were ~0.7 GB of its ~1.9 GB heap through the
 * clustering and the listing, where each is read a few times (the alignments, the listings). Null when no temporary
 * file can be made.
 */
export function openFoldedFile(): FoldedFile | null {
  let folder: string
  let fd: number
  try {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fazhi-folded-'))
    fd = openSync(path.join(folder, 'folded'), 'w+')
  } catch {
    return null
  }
  try {
    rmSync(folder, { recursive: true, force: true })
  } catch {
    // A system that cannot remove an open file (Windows) keeps it in its temporary folder.
  }
  // Per paragraph its byte offset and length (-1: not added): grown as paragraphs come.
  let at = new Float64Array(1024).fill(-1)
  let bytes = new Int32Array(1024)
  let written = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  const recent = new Map<number, string>()
  const flush = (): void => {
    const buffer = Buffer.concat(pending, pendingBytes)
    for (let done = 0; done < buffer.length; ) done += writeSync(fd, buffer, done, buffer.length - done, written + done)
    written += buffer.length
    pending = []
    pendingBytes = 0
  }
  const room = (para: number): void => {
    if (para < at.length) return
    const size = Math.max(2 * at.length, para + 1)
    const grownAt = new Float64Array(size).fill(-1)
    grownAt.set(at)
    const grownBytes = new Int32Array(size)
    grownBytes.set(bytes)
    at = grownAt
    bytes = grownBytes
  }
  return {
    add: (para, folded) => {
      room(para)
      const encoded = Buffer.from(folded, 'utf16le')
      at[para] = written + pendingBytes
      bytes[para] = encoded.length
      pending.push(encoded)
      pendingBytes += encoded.length
      if (pendingBytes >= writePiece) flush()
    },
    get: (para) => {
      const offset = at[para] ?? -1
      if (offset < 0) return undefined
      const held = recent.get(para)
      if (held !== undefined) return held
      if (offset >= written) flush()
      const length = bytes[para] ?? 0
      const buffer = Buffer.allocUnsafe(length)
      for (let done = 0; done < length; ) {
        const read = readSync(fd, buffer, done, length - done, offset + done)
        if (read === 0) throw new Error(`文本复用的折叠段落文件不完整（第 ${para} 段应有 ${length} 字节，只读到 ${done} 字节）`)
        done += read
      }
      const text = buffer.toString('utf16le')
      if (recent.size >= recentlyRead) recent.delete(recent.keys().next().value ?? para)
      recent.set(para, text)
      return text
    },
    close: () => {
      if (fd < 0) return
      closeSync(fd)
      fd = -1
    },
  }
}
