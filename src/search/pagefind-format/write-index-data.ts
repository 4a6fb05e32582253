import { createHash } from 'node:crypto'
import { packPagefindFile, type Bundle } from './pagefind-file.ts'

/** One page as the data files of a bundle take it. */
export interface DataPage {
  /** Its index words in order: the n-th word is at position n, as Pagefind numbers the words of a record's content. */
  words: readonly string[]
  /** The fragment's JSON, as the search page reads it (url, content, word_count, filters, meta, anchors). */
  fragment: string
  /** The keys of the fragment's meta (the meta file lists them all). */
  metaKeys: readonly string[]
  /** Filter values the page is found under (`group` included). */
  filters: Readonly<Record<string, readonly string[]>>
  /** Sort keys and their values. */
  sort: Readonly<Record<string, string>>
}

/** What the entry file says besides its languages, taken from Pagefind's own entry (`include_characters`). */
export interface EntryTemplate {
  version: string
  include_characters: readonly string[]
}

export interface IndexDataOptions {
  language: string
  entry: EntryTemplate
  /** Locations (plus two per page) a word chunk holds before the next starts. Default `chunkEntries` (4,000); Pagefind's is `pagefindChunkEntries`. */
  chunkEntries?: number
}

/** Pagefind 1.5 opens each page's locations with its weight: -25 is the body text's (weight 1, stored as 24 + 1). */
const bodyWeight = -25
/** Pagefind's chunk size, in locations plus two per page (its weight and the page). */
export const pagefindChunkEntries = 20_000
/**
 * Ours: a fifth of Pagefind's. A query fetches, per bundle, the whole chunk of each of its words, and our words are
 * character pairs and characters, each once a page (or a few times, for the ranking), so a chunk of 20,000 was
 * mostly other words: at 10,000 reports the first query for 行政复议 执法 fell from 229.6 to 166.1 KB and one found
 * nowhere (all 12 bundles) from 1,956 to 841 KB, for more files (+15,900) and meta (the chunk list); 2,000 and 8,000
 * were worse (docs/performance.md, "Session 10").
 */
export const chunkEntries = 4_000

/**
 * The data files of a Pagefind bundle for these pages, written the way Pagefind 1.5 writes them for custom records:
 * the meta file, word chunks, filter chunks, fragments and entry, named by Pagefind's hash of their data. Pages are
 * numbered in the order given. What differs: record meta values are not indexed as words (the search never looks
 * them up: its words are codes of character pairs), and filter values and filters are sorted (Pagefind's come in
 * hash-map order, different each run: Pagefind/pagefind#638). `test/search/write-index-data.test.ts` builds the same records with Pagefind and compares.
 */
export function writeIndexData(pages: readonly DataPage[], options: IndexDataOptions): Bundle {
  const language = options.language
  const bundle: Bundle = new Map()
  const taken = new Set<string>()
  const name = (folder: string, data: Uint8Array, length: number, extension: string): string => {
    const hash = pagefindHash(data)
    let short = `${language}_${hash.slice(0, length)}`
    // Pagefind lengthens a name until it is free; equal data would be the same file.
    for (let extra = length + 1; taken.has(`${folder}${short}`) && extra <= hash.length; extra += 1) short = `${language}_${hash.slice(0, extra)}`
    taken.add(`${folder}${short}`)
    bundle.set(`${folder}${short}.${extension}`, packPagefindFile(data))
    return short
  }

  const metaPages: Cbor[] = []
  const metaKeys = new Set<string>()
  for (const page of pages) {
    const data = Buffer.from(page.fragment, 'utf8')
    metaPages.push([fragmentName(bundle, taken, language, data), page.words.length])
    for (const key of page.metaKeys) metaKeys.add(key)
  }

  const chunks: Cbor[] = []
  const postings = postingsOf(pages)
  // Each chunk encoded once its name is asked for, so only one is held unpacked at a time.
  for (const chunk of chunkWords(postings, options.chunkEntries ?? chunkEntries)) {
    chunks.push([chunk.from, chunk.to, name('index/', encodeChunk(chunk.words, postings), 7, 'pf_index')])
  }

  const filters: Cbor[] = []
  for (const [filter, values] of sortedEntries(filterPages(pages))) {
    const data = encode([filter, sortedEntries(values).map(([value, numbers]) => [value, numbers])])
    filters.push([filter, name('filter/', data, 7, 'pf_filter')])
  }

  const sorts: Cbor[] = sortedEntries(sortPages(pages)).map(([key, numbers]) => [key, numbers])
  const meta = encode([options.entry.version, metaPages, chunks, filters, sorts, [...metaKeys].sort()])
  const metaName = `${language}_${pagefindHash(meta).slice(0, 10)}`
  bundle.set(`pagefind.${metaName}.pf_meta`, packPagefindFile(meta))
  const entry = {
    version: options.entry.version,
    languages: { [language]: { hash: metaName, wasm: null, page_count: pages.length } },
    include_characters: options.entry.include_characters,
  }
  bundle.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)))
  return bundle
}

/** A fragment's file name: Pagefind's hash of its JSON, lengthened past another fragment's; pages with equal JSON share one. */
function fragmentName(bundle: Bundle, taken: Set<string>, language: string, data: Buffer): string {
  const hash = pagefindHash(data)
  for (let length = 7; length <= hash.length; length += 1) {
    const short = `${language}_${hash.slice(0, length)}`
    const file = `fragment/${short}.pf_fragment`
    if (!taken.has(`fragment/${short}`)) {
      taken.add(`fragment/${short}`)
      bundle.set(file, packPagefindFile(data))
      return short
    }
    const held = bundle.get(file)
    if (held && Buffer.from(packPagefindFile(data)).equals(held)) return short
  }
  throw new Error('fragment hashes collide')
}

/**
 * Pagefind's hash of a file's data: SHA-1, each byte in hexadecimal without its leading zero (Rust's `{:x}` per
 * byte), so `0f` is written `f`.
 */
export function pagefindHash(data: Uint8Array): string {
  let out = ''
  for (const byte of createHash('sha1').update(data).digest()) out += byte.toString(16)
  return out
}

/**
 * Each word's pages and locations: for word `id` (`ids` gives it), `flat[start[id]]` to `flat[start[id + 1]]` holds,
 * for each page in order, the page number, the count, then the positions.
 */
interface Postings {
  ids: Map<string, number>
  start: Int32Array
  flat: Int32Array
}

/**
 * Postings of a bundle's pages, in one typed array: counted first, then filled (a growing list per word was most of
 * the garbage a bundle made). A page gives each word's repeats one after another (`dataPageOf`), so a run of one word
 * is looked up once; a word met again further on in the page adds to that page's count and positions.
 */
function postingsOf(pages: readonly DataPage[]): Postings {
  const ids = new Map<string, number>()
  const sizes: number[] = []
  const lastPage: number[] = []
  // Each run's word, for the second pass (which finds its length again: one array of words' length, not two).
  const runs = new Int32Array(pages.reduce((sum, page) => sum + page.words.length, 0))
  let runCount = 0
  pages.forEach((page, number) => {
    const words = page.words
    for (let at = 0; at < words.length; ) {
      const word = words[at] ?? ''
      let end = at + 1
      while (end < words.length && words[end] === word) end += 1
      let id = ids.get(word)
      if (id === undefined) {
        id = sizes.length
        ids.set(word, id)
        sizes.push(0)
        lastPage.push(-1)
      }
      if (lastPage[id] !== number) {
        lastPage[id] = number
        sizes[id] = (sizes[id] ?? 0) + 2
      }
      sizes[id] = (sizes[id] ?? 0) + end - at
      runs[runCount++] = id
      at = end
    }
  })
  const start = new Int32Array(sizes.length + 1)
  for (let id = 0; id < sizes.length; id += 1) start[id + 1] = (start[id] ?? 0) + (sizes[id] ?? 0)
  const flat = new Int32Array(start[sizes.length] ?? 0)
  const cursor = start.slice(0, sizes.length)
  const countAt = new Int32Array(sizes.length)
  lastPage.fill(-1)
  let run = 0
  pages.forEach((page, number) => {
    const words = page.words
    for (let position = 0; position < words.length; ) {
      const id = runs[run++] ?? 0
      let length = 1
      while (position + length < words.length && words[position + length] === words[position]) length += 1
      let at = cursor[id] ?? 0
      if (lastPage[id] !== number) {
        lastPage[id] = number
        flat[at] = number
        countAt[id] = at + 1
        at += 2
      }
      flat[countAt[id] ?? 0] = (flat[countAt[id] ?? 0] ?? 0) + length
      for (let end = position + length; position < end; position += 1) flat[at++] = position
      cursor[id] = at
    }
  })
  return { ids, start, flat }
}

interface WordChunk {
  from: string
  to: string
  words: readonly string[]
}

/**
 * Cut the words, in order, into chunks of about `size` entries (a page's locations and its weight) as Pagefind does,
 * and name each chunk's range by the shortest prefixes that tell it from its neighbours. Pagefind's search code loads
 * one chunk per query term (the one whose range holds it), so a prefix search sees only that chunk's words: ours
 * looks every word up exactly.
 */
function chunkWords(postings: Postings, size: number): WordChunk[] {
  const words = [...postings.ids.keys()].sort(compareBytes)
  const groups: string[][] = []
  let group: string[] = []
  let entries = 0
  for (const word of words) {
    group.push(word)
    entries += entriesOf(postings, postings.ids.get(word) ?? 0)
    if (entries >= size) {
      groups.push(group)
      group = []
      entries = 0
    }
  }
  if (group.length > 0) groups.push(group)
  const ranges = groups.map((list) => ({ from: list[0] ?? '', to: list.at(-1) ?? '' }))
  for (let at = 0; at + 1 < ranges.length; at += 1) {
    const left = ranges[at]
    const right = ranges[at + 1]
    if (!left || !right) continue
    const [to, from] = distinctPrefixes(left.to, right.from)
    left.to = to
    right.from = from
  }
  return groups.map((list, at) => ({ ...(ranges[at] ?? { from: '', to: '' }), words: list }))
}

/** Entries a word adds to its chunk: for each page, its locations and its weight, plus one. */
function entriesOf({ start, flat }: Postings, id: number): number {
  let entries = 0
  for (let at = start[id] ?? 0; at < (start[id + 1] ?? 0); at += 2 + (flat[at + 1] ?? 0)) entries += (flat[at + 1] ?? 0) + 2
  return entries
}

/** The shortest prefixes of two neighbouring words, one longer than what they share (by character). */
function distinctPrefixes(left: string, right: string): [string, string] {
  const a = [...left]
  const b = [...right]
  let shared = 0
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared += 1
  return [a.slice(0, shared + 1).join(''), b.slice(0, shared + 1).join('')]
}

/**
 * A word chunk: `[[word, [[page delta, [weight, position deltas…], []], …], []], …]` in one array; page numbers
 * and positions are each written as the difference from the one before.
 */
function encodeChunk(words: readonly string[], { ids, start, flat }: Postings): Uint8Array {
  const out = cborWriter.reset()
  out.head(4, 1)
  out.head(4, words.length)
  for (const word of words) {
    const id = ids.get(word) ?? 0
    const from = start[id] ?? 0
    const to = start[id + 1] ?? 0
    let pages = 0
    for (let at = from; at < to; at += 2 + (flat[at + 1] ?? 0)) pages += 1
    out.head(4, 3)
    out.text(word)
    out.head(4, pages)
    let previousPage = 0
    for (let at = from; at < to; at += 2 + (flat[at + 1] ?? 0)) {
      const page = flat[at] ?? 0
      const count = flat[at + 1] ?? 0
      out.head(4, 3)
      out.head(0, page - previousPage)
      previousPage = page
      out.head(4, count + 1)
      out.head(1, -1 - bodyWeight)
      let previous = 0
      for (let n = 0; n < count; n += 1) {
        const position = flat[at + 2 + n] ?? 0
        out.head(0, position - previous)
        previous = position
      }
      out.head(4, 0)
    }
    out.head(4, 0)
  }
  return out.bytes()
}

/** For each filter, its values and the numbers of the pages holding them. */
function filterPages(pages: readonly DataPage[]): Map<string, Map<string, number[]>> {
  const filters = new Map<string, Map<string, number[]>>()
  pages.forEach((page, number) => {
    for (const [filter, values] of Object.entries(page.filters)) {
      let byValue = filters.get(filter)
      if (!byValue) filters.set(filter, (byValue = new Map()))
      for (const value of values) {
        const list = byValue.get(value)
        if (list) list.push(number)
        else byValue.set(value, [number])
      }
    }
  })
  return filters
}

/** For each sort key, the numbers of the pages holding it, by value (equal values in page order). */
function sortPages(pages: readonly DataPage[]): Map<string, number[]> {
  const keys = new Map<string, { value: string; number: number }[]>()
  pages.forEach((page, number) => {
    for (const [key, value] of Object.entries(page.sort)) {
      let list = keys.get(key)
      if (!list) keys.set(key, (list = []))
      list.push({ value, number })
    }
  })
  return new Map([...keys].map(([key, list]) => [key, list.sort((a, b) => compareBytes(a.value, b.value) || a.number - b.number).map((item) => item.number)]))
}

function sortedEntries<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => compareBytes(a, b))
}

/** Order as Rust orders strings (by UTF-8 bytes, which is code point order): JavaScript's `<` differs past U+FFFF. */
export function compareBytes(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let at = 0; at < length; at += 1) {
    const x = a.charCodeAt(at)
    const y = b.charCodeAt(at)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

/** A UTF-16 unit's rank in code point order: surrogates (U+10000 and up) after U+E000–U+FFFF. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit
}

type Cbor = number | string | Cbor[]

function encode(value: Cbor): Uint8Array {
  const out = cborWriter.reset()
  out.value(value)
  return out.bytes()
}

/**
 * A CBOR writer for the shapes above (definite lengths, shortest heads), into one growing buffer that is used again
 * for the next file (`reset`); `bytes` copies the file out at its size. A writer per file, each from 64 KB and grown
 * by doubling, left a bundle's word chunks (all encoded before the first was packed) holding several times their
 * bytes: ~335 MB of the malloc'd memory of a 20,000-report build's index (heaptrack, docs/performance.md, session 26).
 */
class CborWriter {
  private buffer = Buffer.allocUnsafe(1 << 16)
  private length = 0

  reset(): this {
    this.length = 0
    return this
  }

  value(value: Cbor): void {
    if (typeof value === 'number') this.head(0, value)
    else if (typeof value === 'string') this.text(value)
    else {
      this.head(4, value.length)
      for (const item of value) this.value(item)
    }
  }

  text(value: string): void {
    const size = Buffer.byteLength(value, 'utf8')
    this.head(3, size)
    this.reserve(size)
    this.length += this.buffer.write(value, this.length, 'utf8')
  }

  head(major: number, value: number): void {
    this.reserve(9)
    const type = major << 5
    if (value < 24) this.buffer[this.length++] = type | value
    else if (value < 0x100) {
      this.buffer[this.length++] = type | 24
      this.buffer[this.length++] = value
    } else if (value < 0x10000) {
      this.buffer[this.length++] = type | 25
      this.buffer.writeUInt16BE(value, this.length)
      this.length += 2
    } else {
      this.buffer[this.length++] = type | 26
      this.buffer.writeUInt32BE(value, this.length)
      this.length += 4
    }
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.subarray(0, this.length))
  }

  private reserve(size: number): void {
    if (this.length + size <= this.buffer.length) return
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + size))
    this.buffer.copy(grown, 0, 0, this.length)
    this.buffer = grown
  }
}

/** This thread's writer: encoding is synchronous, one file at a time. */
const cborWriter = new CborWriter()
