import { createAppender, readExactly, type HeldFile } from '../files/unlinked-file.ts'
import type { ListingSummary, ListingText } from '../analysis/index.ts'

/** Where a listing's text is in the listings file, with its summary: what the reuse worker hands the build thread. */
export interface StoredListing extends ListingSummary {
  /** Byte offset of its JSON text (UTF-8). */
  at: number
  bytes: number
}

/** Listings written one at a time, 4 MB to a write (`createAppender`): `flush` before any is read. */
export interface ListingsWriter {
  /** Queue a listing's text and say where it will be. */
  add: (text: ListingText) => StoredListing
  /** Write what is queued. */
  flush: () => void
}

/** A writer of listings' texts to the file from `start`, one after another. */
export function createListingsWriter(fd: number, start = 0): ListingsWriter {
  const appender = createAppender(fd, start)
  // Fields named one by one: a spread gave each place a hidden class of its own (`summaryOf`).
  const add = ({ json, reusedShare, paragraphs, others, digest }: ListingText): StoredListing => {
    const bytes = Buffer.from(json, 'utf8')
    return { reusedShare, paragraphs, others, digest, at: appender.append(bytes), bytes: bytes.length }
  }
  return { add, flush: appender.flush }
}

/** A listing's text, read from the file. */
export function readListing(file: HeldFile, listing: Pick<StoredListing, 'at' | 'bytes'>): string {
  const bytes = readExactly(file.fd, listing.at, listing.bytes)
  if (!bytes) throw new Error(`文本复用列表文件不完整（第 ${listing.at} 字节起应有 ${listing.bytes} 字节）`)
  return bytes.toString('utf8')
}

