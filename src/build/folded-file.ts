import { closeSync } from 'node:fs'
import { createAppender, openUnlinked, readExactly } from '../files/unlinked-file.ts'
import type { FoldedTexts } from '../analysis/index.ts'
import { growTyped } from '../grow-typed.ts'

/** Folded paragraphs in a file, open until `close`. */
export interface FoldedFile extends FoldedTexts {
  close: () => void
}

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
  let fd = openUnlinked('folded') ?? -1
  if (fd < 0) return null
  // Per paragraph its byte offset and length (-1: not added): grown as paragraphs come.
  let at = new Float64Array(1024).fill(-1)
  let bytes = new Int32Array(1024)
  const appender = createAppender(fd)
  const recent = new Map<number, string>()
  return {
    add: (para, folded) => {
      at = growTyped(at, para + 1, -1)
      bytes = growTyped(bytes, para + 1)
      const encoded = Buffer.from(folded, 'utf16le')
      at[para] = appender.append(encoded)
      bytes[para] = encoded.length
    },
    get: (para) => {
      const offset = at[para] ?? -1
      if (offset < 0) return undefined
      const held = recent.get(para)
      if (held !== undefined) return held
      if (offset >= appender.written()) appender.flush()
      const length = bytes[para] ?? 0
      const read = readExactly(fd, offset, length)
      if (!read) throw new Error(`文本复用的折叠段落文件不完整（第 ${para} 段应有 ${length} 字节）`)
      const text = read.toString('utf16le')
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
