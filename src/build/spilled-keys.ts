import { readSync, writeSync } from 'node:fs'
import { closeHeld, openTemporary, writePiece } from '../files/unlinked-file.ts'

/** A stretch of the keys written to a file, `from` up to `to` units of `width` keys each. */
export type KeysRead = (from: number, to: number) => Uint32Array

/**
 * Keys written to a temporary file (unlinked at once), read back a stretch at a time: the reuse worker of a large
 * build keeps its units' band keys there once they are clustered, until its memo is written (~210 MB at 100,000
 * reports, held through the listing, the worker's largest moment). The file is closed once nothing holds the
 * reader. Null when no temporary file can be made: the keys stay where they are.
 */
export function spillKeys(keys: Uint32Array, width: number): KeysRead | null {
  const file = openTemporary('keys')
  if (file === null) return null
  const bytes = Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength)
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(file.fd, bytes, done, Math.min(writePiece, bytes.length - done), done)
  } catch {
    closeHeld(file)
    return null
  }
  const read: KeysRead = (from, to) => {
    const stretch = new Uint32Array((to - from) * width)
    const target = Buffer.from(stretch.buffer)
    const at = from * width * 4
    for (let done = 0; done < target.length; ) {
      // Read through `file`: the reader holds it, and with it the file open.
      const got = readSync(file.fd, target, done, target.length - done, at + done)
      if (got === 0) throw new Error(`文本复用的分段键文件不完整（第 ${from} 至 ${to} 个单元）`)
      done += got
    }
    return stretch
  }
  return read
}

