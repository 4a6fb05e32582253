import { closeSync, fstatSync, openSync } from 'node:fs'
import { createAppender, readExactly, writePiece } from '../files/unlinked-file.ts'
import { writeAtomically, writeAtomicallyWith } from '../files/write-atomically.ts'

/** Where each report's part of a file lies (byte offset and length), and the file's size: kept for the next build. */
export interface FileParts {
  bytes: number
  parts: Record<string, [offset: number, length: number]>
}

/** How a file is made of parts: text before the first, between two, after the last; `empty` when there is none. */
export interface PartsLayout {
  head: string
  separator: string
  tail: string
  empty?: string
}

/** What the last build wrote of a file, and which reports' parts are as they were then (their digest is unchanged). */
export interface KeptParts {
  previous: FileParts | undefined
  unchanged: (id: string) => boolean
}

/**
 * Write a file of one part per report, in the order of `ids`. Given what the last build wrote (`kept`), an unchanged
 * report's part is copied from the file as it is, so a rebuild formats only the changed reports' parts (the reuse
 * table is 46 MB at 10,000 reports). The bytes are those a write from nothing makes; a file that is not the size the
 * last build left is not trusted, and every part is made afresh. Written as it is made, 4 MB at a time, atomically,
 * runs of kept parts read from the last file: the file was once held in memory twice (its parts, then joined), ~0.9
 * GB for the reuse table at 100,000 reports by 10,000's figure.
 * @example await writeInParts('data/reports.csv', { head: 'id\r\n', separator: '', tail: '' }, ids, (id) => `${id}\r\n`)
 */
export async function writeInParts(file: string, layout: PartsLayout, ids: readonly string[], partOf: (id: string) => string, kept?: KeptParts): Promise<FileParts> {
  if (ids.length === 0 && layout.empty !== undefined) {
    await writeAtomically(file, layout.empty)
    return { bytes: Buffer.byteLength(layout.empty), parts: {} }
  }
  const previous = kept?.previous
  const old = previous ? openOfSize(file, previous.bytes) : null
  const separator = Buffer.from(layout.separator)
  const parts: FileParts['parts'] = {}
  let bytes = 0
  try {
    await writeAtomicallyWith(file, async (handle) => {
      const out = createAppender(handle.fd)
      // A run of kept parts, one after another in the last file: copied in one read once the run ends.
      let run: { at: number; length: number } | null = null
      const endRun = (): void => {
        if (old === null || run === null) return
        for (let done = 0; done < run.length; ) {
          const length = Math.min(writePiece, run.length - done)
          const read = readExactly(old, run.at + done, length)
          if (!read) throw new Error(`上次构建写出的 ${file} 在读取中变短了（应有 ${previous?.bytes ?? 0} 字节）：构建时有其他程序改动输出文件夹？请重新构建`)
          out.append(read)
          done += length
        }
        run = null
      }
      // Where the next byte goes in the new file; `add` and `copy` say where their bytes start.
      let offset = 0
      const add = (piece: Buffer): number => {
        endRun()
        out.append(piece)
        offset += piece.length
        return offset - piece.length
      }
      const copy = (at: number, length: number): number => {
        if (run && run.at + run.length === at) run.length += length
        else {
          endRun()
          run = { at, length }
        }
        offset += length
        return offset - length
      }
      add(Buffer.from(layout.head))
      ids.forEach((id, position) => {
        if (position > 0) add(separator)
        const range = old !== null && kept?.unchanged(id) ? previous?.parts[id] : undefined
        if (range && previous && range[0] + range[1] <= previous.bytes) parts[id] = [copy(range[0], range[1]), range[1]]
        else {
          const part = Buffer.from(partOf(id))
          parts[id] = [add(part), part.length]
        }
      })
      add(Buffer.from(layout.tail))
      out.flush()
      bytes = offset
    })
  } finally {
    if (old !== null) closeSync(old)
  }
  return { bytes, parts }
}

/** The file open for reading when it has the size expected, else null (gone, or changed since). */
function openOfSize(file: string, bytes: number): number | null {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return null
  }
  if (fstatSync(fd).size === bytes) return fd
  closeSync(fd)
  return null
}
