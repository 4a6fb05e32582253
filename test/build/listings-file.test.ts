import { readlinkSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { digestListing, type ListingText } from '../../src/analysis/index.ts'
import { createListingsWriter, readListing, type StoredListing } from '../../src/build/listings-file.ts'
import { closeHeld, openTemporary } from '../../src/files/unlinked-file.ts'

const textOf = (json: string): ListingText => ({ json, reusedShare: 0.5, paragraphs: 1, others: ['2022-b'], digest: digestListing(json) })

/** Write the listings from `start` with one writer, as the reuse worker does, and say where each is. */
function writeListings(fd: number, start: number, listings: readonly (readonly [string, ListingText])[]): [string, StoredListing][] {
  const writer = createListingsWriter(fd, start)
  const stored = listings.map(([id, text]): [string, StoredListing] => [id, writer.add(text)])
  writer.flush()
  return stored
}

describe('the listings file', () => {
  it('is open with no name left, and gives back each text written, past the pieces it writes in', () => {
    const file = openTemporary('listings')
    if (!file) throw new Error('no temporary file')
    try {
      // Linux names an unlinked file's descriptor so: nothing is left in the temporary folder.
      expect(readlinkSync(`/proc/self/fd/${file.fd}`)).toMatch(/ \(deleted\)$/)
      // Three texts of ~2.4 MB each (3 bytes a character in UTF-8): the file is written in 4 MB pieces.
      const long = (mark: string) => JSON.stringify({ reuse: [{ text: `${mark}${'行政执法'.repeat(200_000)}` }] })
      const first = writeListings(file.fd, 0, [['a', textOf('{"reuse":[],"reuseCounts":[],"reusedShare":0}')], ['b', textOf(long('乙'))]])
      const last = first[first.length - 1]?.[1]
      if (!last) throw new Error('nothing written')
      const second = writeListings(file.fd, last.at + last.bytes, [['c', textOf(long('丙'))], ['d', textOf('{"中":"文"}')]])
      const stored = [...first, ...second]
      expect(stored.map(([id]) => id)).toEqual(['a', 'b', 'c', 'd'])
      // One after another, and the summary handed on as it was given.
      stored.slice(1).forEach(([, listing], index) => expect(listing.at).toBe((stored[index]?.[1].at ?? 0) + (stored[index]?.[1].bytes ?? 0)))
      expect(stored[3]?.[1]).toMatchObject({ reusedShare: 0.5, paragraphs: 1, others: ['2022-b'], digest: digestListing('{"中":"文"}') })
      expect(stored[3]?.[1]).not.toHaveProperty('json')
      expect(readListing(file, stored[1]?.[1] ?? { at: 0, bytes: 0 })).toBe(long('乙'))
      expect(readListing(file, stored[2]?.[1] ?? { at: 0, bytes: 0 })).toBe(long('丙'))
      expect(readListing(file, stored[3]?.[1] ?? { at: 0, bytes: 0 })).toBe('{"中":"文"}')
      expect(() => readListing(file, { at: last.at, bytes: 10 ** 9 })).toThrow(/文本复用列表文件不完整/)
    } finally {
      closeHeld(file)
    }
    expect(file.fd).toBe(-1)
    // Closed once: a second close does nothing (the number may already be another file's).
    expect(() => closeHeld(file)).not.toThrow()
  })
})
