// Pagefind's data format is the one thing here that knows Pagefind's internals: the same pages are indexed by
// Pagefind itself and by writeIndexData, and every word chunk must come out byte for byte. A Pagefind upgrade that
// changes the format fails here first (see src/search/pagefind-format/pinned.ts).
import * as pagefind from 'pagefind'
import { describe, expect, it } from 'vitest'
import { decodeCbor, type Cbor } from '../../src/search/pagefind-format/cbor.ts'
import { unpackPagefindFile, type Bundle } from '../../src/search/pagefind-format/pagefind-file.ts'
import { loadPagefindRuntime } from '../../src/search/pagefind-format/pagefind-runtime.ts'
import { chunkEntries, compareBytes, pagefindChunkEntries, pagefindHash, writeIndexData, type DataPage } from '../../src/search/pagefind-format/write-index-data.ts'
import { seeded } from './seeded.ts'

/** Pages of random index words (8 letters, as pair codes are), enough for several chunks, one past 65,536 words. */
function makePages(): DataPage[] {
  const random = seeded(16)
  const vocabulary = Array.from({ length: 3000 }, (_, at) => `w${String(at).padStart(4, '0')}${'abc'[at % 3]}xy`)
  const years = ['2021', '2022', '2023']
  return Array.from({ length: 70 }, (_, at) => {
    const length = at === 7 ? 66_000 : 100 + Math.floor(random() * 600)
    const words = Array.from({ length }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)] ?? 'w')
    const year = years[at % 3] ?? '2021'
    const filters: Record<string, string[]> = { group: ['g'], year: [year], kind: at % 4 === 0 ? ['plans', 'achievements'] : ['plans'] }
    const sort: Record<string, string> = at % 5 === 0 ? {} : { published: `${year}-0${1 + (at % 3)}-01` }
    return { words, fragment: JSON.stringify({ url: `/p/${at}/`, meta: { title: `第${at}页` } }), metaKeys: ['title'], filters, sort }
  })
}

async function indexWithPagefind(pages: readonly DataPage[]): Promise<Bundle> {
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh' })
    if (!index) throw new Error('Pagefind did not start')
    for (const [at, page] of pages.entries()) {
      // No meta: Pagefind would index its values as words, which writeIndexData leaves out.
      await index.addCustomRecord({ url: `/p/${at}/`, content: page.words.join(' '), language: 'zh', meta: {}, filters: Object.fromEntries(Object.entries(page.filters).map(([name, values]) => [name, [...values]])), sort: { ...page.sort } })
    }
    const got = await index.getFiles()
    return new Map(got.files.map((file) => [file.path, file.content]))
  } finally {
    await pagefind.close()
  }
}

const data = (bundle: Bundle, name: string): Cbor => decodeCbor(unpackPagefindFile(bundle.get(name) ?? new Uint8Array()))
const namesUnder = (bundle: Bundle, folder: string): string[] => [...bundle.keys()].filter((name) => name.startsWith(folder)).sort()
const metaOf = (bundle: Bundle): Cbor[] => {
  const name = [...bundle.keys()].find((key) => key.endsWith('.pf_meta'))
  if (!name) throw new Error('no meta file')
  return data(bundle, name) as Cbor[]
}
/** A filter chunk's values in order: Pagefind writes them in hash-map order. */
const sortedFilter = (chunk: Cbor): string => {
  const [filter, values] = chunk as [string, [string, number[]][]]
  return JSON.stringify([filter, [...values].sort(([a], [b]) => compareBytes(a, b))])
}

describe('writeIndexData', () => {
  it('writes the word chunks, filters, sorts and page list Pagefind writes for the same pages', async () => {
    const pages = makePages()
    const theirs = await indexWithPagefind(pages)
    const ours = writeIndexData(pages, { language: 'zh', entry: { version: '1.5.2', include_characters: [] }, chunkEntries: pagefindChunkEntries })

    const chunks = namesUnder(theirs, 'index/')
    expect(chunks.length).toBeGreaterThan(3)
    expect(namesUnder(ours, 'index/')).toEqual(chunks)
    // Pagefind compresses at its own level: compare the data inside.
    const inside = (bundle: Bundle, name: string): Buffer => Buffer.from(unpackPagefindFile(bundle.get(name) ?? new Uint8Array()))
    for (const name of chunks) expect(inside(ours, name).equals(inside(theirs, name)), name).toBe(true)

    const [version, theirPages, theirChunks, theirFilters, theirSorts] = metaOf(theirs)
    const [ourVersion, ourPages, ourChunks, ourFilters, ourSorts] = metaOf(ours)
    expect(ourVersion).toBe(version)
    expect(ourChunks).toEqual(theirChunks)
    expect(ourSorts).toEqual(theirSorts)
    // Fragments hold different text (ours the page's), so compare word counts, not names.
    expect((ourPages as Cbor[][]).map((page) => page[1])).toEqual((theirPages as Cbor[][]).map((page) => page[1]))
    const filterData = (bundle: Bundle, list: Cbor): string[] => (list as [string, string][]).map(([, hash]) => sortedFilter(data(bundle, `filter/${hash}.pf_filter`)))
    expect(filterData(ours, ourFilters ?? []).sort()).toEqual(filterData(theirs, theirFilters ?? []).sort())
    expect((ourFilters as [string, string][]).map(([filter]) => filter)).toEqual(['group', 'kind', 'year'])
  }, 120_000)

  it('cuts word chunks at our smaller size, with the same words and pages in them', () => {
    const pages = makePages()
    const entry = { version: '1.5.2', include_characters: [] }
    // A chunk is `[[word, pages, []], …]` inside a one-element array.
    const chunkWordsOf = (bundle: Bundle, name: string): Cbor[] => ((data(bundle, name) as Cbor[])[0] ?? []) as Cbor[]
    const wordsOf = (bundle: Bundle): Cbor[] => namesUnder(bundle, 'index/').flatMap((name) => chunkWordsOf(bundle, name))
    const byWord = (bundle: Bundle): Cbor[] => wordsOf(bundle).sort((a, b) => compareBytes(String((a as Cbor[])[0]), String((b as Cbor[])[0])))
    const large = writeIndexData(pages, { language: 'zh', entry, chunkEntries: pagefindChunkEntries })
    const small = writeIndexData(pages, { language: 'zh', entry })
    expect(byWord(small)).toEqual(byWord(large))
    // Entries as Pagefind counts them: each page's locations, its weight and the page.
    const entriesOf = (word: Cbor): number => (word as [string, [number, number[]][]])[1].reduce((sum, [, locations]) => sum + locations.length + 1, 0)
    // In word order, as the meta file lists them.
    const chunks = (metaOf(small)[2] as [string, string, string][]).map(([, , hash]) => chunkWordsOf(small, `index/${hash}.pf_index`))
    expect(chunks.length).toBeGreaterThan(namesUnder(large, 'index/').length * 3)
    for (const chunk of chunks.slice(0, -1)) {
      const sizes = chunk.map(entriesOf)
      const total = sizes.reduce((sum, size) => sum + size, 0)
      // A chunk ends with the word that takes it to the size, never later.
      expect(total).toBeGreaterThanOrEqual(chunkEntries)
      expect(total - (sizes.at(-1) ?? 0)).toBeLessThan(chunkEntries)
    }
  })

  it('names files by Pagefind hash of their data, lengthened only to tell two apart, and shares a fragment equal pages hold', () => {
    const page: DataPage = { words: ['ab'], fragment: '{"url":"/a/"}', metaKeys: [], filters: {}, sort: {} }
    const bundle = writeIndexData([page, page, { ...page, fragment: '{"url":"/b/"}' }], { language: 'zh', entry: { version: '1.5.2', include_characters: ['_'] } })
    const fragments = namesUnder(bundle, 'fragment/')
    expect(fragments).toHaveLength(2)
    expect(fragments).toContain(`fragment/zh_${pagefindHash(Buffer.from('{"url":"/a/"}')).slice(0, 7)}.pf_fragment`)
    const pages = metaOf(bundle)[1] as [string, number][]
    expect(pages[0]?.[0]).toBe(pages[1]?.[0])
    const entry = JSON.parse(new TextDecoder().decode(bundle.get('pagefind-entry.json'))) as { languages: { zh: { hash: string; page_count: number } }; include_characters: string[] }
    expect(entry.languages.zh.page_count).toBe(3)
    expect(bundle.has(`pagefind.${entry.languages.zh.hash}.pf_meta`)).toBe(true)
    expect(entry.include_characters).toEqual(['_'])
  })

  it('hashes as Pagefind does, each byte without a leading zero', () => {
    // SHA-1 of "abc" is a9993e36 4706816a …: 0x06 and 0x81 show where zeros drop.
    expect(pagefindHash(Buffer.from('abc')).slice(0, 12)).toBe('a9993e364768')
  })

  it('orders words as Rust orders strings, by code point', () => {
    const words = ['\u{20000}', '\uffee', 'b', 'a', 'ab']
    expect([...words].sort(compareBytes)).toEqual(['a', 'ab', 'b', '\uffee', '\u{20000}'])
  })
})

describe('loadPagefindRuntime', () => {
  it("takes Pagefind's search code and entry from Pagefind, without its stock UIs or data", async () => {
    const runtime = await loadPagefindRuntime()
    expect([...runtime.files.keys()].sort()).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js']))
    expect([...runtime.files.keys()].some((name) => /ui|\.pf_|fragment|index\//.test(name))).toBe(false)
    expect(runtime.entry.version).toBe('1.5.2')
    expect(runtime.entry.include_characters.length).toBeGreaterThan(0)
  }, 60_000)
})
