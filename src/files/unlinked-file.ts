import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * A temporary file open for reading and writing, its name already removed: nothing is left behind, whatever becomes
 * of the build (the system frees it when the descriptor closes). Null when no temporary file can be made.
 * @example const fd = openUnlinked('listings')
 */
export function openUnlinked(name: string): number | null {
  let folder: string
  let fd: number
  try {
    folder = mkdtempSync(path.join(os.tmpdir(), `fazhi-${name}-`))
    fd = openSync(path.join(folder, name), 'w+')
  } catch {
    return null
  }
  try {
    rmSync(folder, { recursive: true, force: true })
  } catch {
    // A system that cannot remove an open file (Windows) keeps it in its temporary folder.
  }
  return fd
}

/** Bytes gathered before a write: few system calls, and never a whole file in memory. */
export const writePiece = 4 * 2 ** 20

/** Pieces of bytes appended to a file one after another, `writePiece` at a time: `flush` before any is read. */
export interface Appender {
  /** Queue bytes and say at which offset they will be. */
  append: (bytes: Buffer) => number
  /** Write what is queued. */
  flush: () => void
  /** The offset up to which the file is written. */
  written: () => number
}

/**
 * Append to the file from `start`. Bytes are copied into one buffer of `writePiece`, written when full: a buffer
 * made for each write was garbage outside V8's heap (at 30,000 reports a probe counted ~100 of them made in the reuse
 * worker and not yet collected, where its array buffers were 141 MB when it could be sampled).
 */
export function createAppender(fd: number, start = 0): Appender {
  let piece: Buffer | null = null
  let used = 0
  let written = start
  const write = (data: Buffer): void => {
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done, written + done)
    written += data.length
  }
  const flush = (): void => {
    if (piece && used > 0) write(piece.subarray(0, used))
    used = 0
  }
  const append = (bytes: Buffer): number => {
    const at = written + used
    if (used + bytes.length > writePiece) flush()
    if (bytes.length >= writePiece) write(bytes)
    else {
      piece ??= Buffer.allocUnsafe(writePiece)
      bytes.copy(piece, used)
      used += bytes.length
    }
    return at
  }
  return { append, flush, written: () => written }
}

/** `length` bytes of the file from `at`; null when the file ends before them. */
export function readExactly(fd: number, at: number, length: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(length)
  for (let done = 0; done < length; ) {
    const read = readSync(fd, bytes, done, length - done, at + done)
    if (read === 0) return null
    done += read
  }
  return bytes
}

/** An open file that closes once nothing holds this object (`heldOpen`, `openTemporary`), or by `closeHeld`. */
export interface HeldFile {
  /** Its descriptor; -1 once closed. */
  fd: number
}

/**
 * Closes a file's descriptor once the object that reads it is collected (a listings file, spilled keys or diffs, the
 * last build's analysis cache): each build's files, in a process that builds many times.
 */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd)
  } catch {
    // Closed with the process's other files already.
  }
})

/**
 * A temporary file, its name already removed (`openUnlinked`), whose descriptor is closed once nothing holds the
 * returned object: whoever reads it holds it. Null when no temporary file can be made.
 * @example const file = openTemporary('diffs'); if (file) readExactly(file.fd, 0, 4)
 */
export function openTemporary(name: string): HeldFile | null {
  const fd = openUnlinked(name)
  return fd === null ? null : heldOpen(fd)
}

/** An open descriptor closed once nothing holds the returned object, or by `closeHeld`. */
export function heldOpen(fd: number): HeldFile {
  const file = { fd }
  closeWhenCollected.register(file, fd, file)
  return file
}

/** Close a held file now (its writing failed, its reader is done): its descriptor is not closed twice. */
export function closeHeld(file: HeldFile): void {
  if (file.fd < 0) return
  closeWhenCollected.unregister(file)
  closeSync(file.fd)
  file.fd = -1
}
