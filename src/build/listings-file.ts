import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ListingSummary, ListingText } from '../analysis/index.ts'

/** Where a listing's text is in the listings file, with its summary: what the reuse worker hands the build thread. */
export interface StoredListing extends ListingSummary {
  /** Byte offset of its JSON text (UTF-8). */
  at: number
  bytes: number
}

/** An open listings file: what every reader of it holds. */
export interface ListingsFile {
  /** Its descriptor; -1 once closed. */
  fd: number
}

/**
 * A file for the reuse worker's listings, open for reading and writing and already unlinked: the build thread opens
 * it (a file a worker thread opens is closed when the worker ends) and reads a listing only when a page shows it; no
 * name is left behind, whatever becomes of the build. It is closed once nothing holds it, or by
 * `closeListingsFile`. Null when no temporary file can be made.
 */
export function openListingsFile(): ListingsFile | null {
  let folder: string
  let fd: number
  try {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fazhi-listings-'))
    fd = openSync(path.join(folder, 'listings'), 'w+')
  } catch {
    return null
  }
  try {
    rmSync(folder, { recursive: true, force: true })
  } catch {
    // A system that cannot remove an open file (Windows) keeps it in its temporary folder.
  }
  const file = { fd }
  closer.register(file, fd, file)
  return file
}

/** Close the file now (a worker that failed before it answered): its descriptor is not closed twice. */
export function closeListingsFile(file: ListingsFile): void {
  if (file.fd < 0) return
  closer.unregister(file)
  closeSync(file.fd)
  file.fd = -1
}

/** Bytes gathered before a write: few system calls, and never the whole file in memory (2.2 GB at 100,000 reports). */
const writePiece = 4 * 2 ** 20

/** Listings written one at a time, `writePiece` bytes to a write: `flush` before any is read. */
export interface ListingsWriter {
  /** Queue a listing's text and say where it will be. */
  add: (text: ListingText) => StoredListing
  /** Write what is queued. */
  flush: () => void
}

/** A writer of listings' texts to the file from `start`, one after another. */
export function createListingsWriter(fd: number, start = 0): ListingsWriter {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let written = start
  const flush = (): void => {
    const data = Buffer.concat(pending, pendingBytes)
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done, written + done)
    written += data.length
    pending = []
    pendingBytes = 0
  }
  const add = ({ json, ...summary }: ListingText): StoredListing => {
    const bytes = Buffer.from(json, 'utf8')
    const stored = { ...summary, at: written + pendingBytes, bytes: bytes.length }
    pending.push(bytes)
    pendingBytes += bytes.length
    if (pendingBytes >= writePiece) flush()
    return stored
  }
  return { add, flush }
}

/** A listing's text, read from the file. */
export function readListing(file: ListingsFile, listing: Pick<StoredListing, 'at' | 'bytes'>): string {
  const bytes = Buffer.allocUnsafe(listing.bytes)
  for (let done = 0; done < bytes.length; ) {
    const read = readSync(file.fd, bytes, done, bytes.length - done, listing.at + done)
    if (read === 0) throw new Error(`文本复用列表文件不完整（第 ${listing.at} 字节起应有 ${listing.bytes} 字节）`)
    done += read
  }
  return bytes.toString('utf8')
}

/** Closes a listings file once nothing holds it: each build's file, in a process that builds many times. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd)
  } catch {
    // Closed with the process's other files already.
  }
})
