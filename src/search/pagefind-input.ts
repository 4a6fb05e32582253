import { createHash } from 'node:crypto'
import { blockBreak, indexWords } from '../../templates/assets/search.core.js'
import type { IndexAnchor, IndexRecord } from './index-record.ts'

/** What Pagefind's `addCustomRecord` takes (its `CustomRecord`). */
export interface PagefindRecord {
  url: string
  /** The index words, separated by spaces. */
  content: string
  language: string
  meta: Record<string, string>
  filters: Record<string, string[]>
  sort: Record<string, string>
}

/** What a page's fragment shows in place of the index words: its text in blocks and its headings. */
export interface StoredText {
  /** The blocks separated by `blockBreak`. */
  content: string
  anchors: IndexAnchor[]
}

/** One record as handed to Pagefind, and the text its fragment gets back. */
export interface PagefindInput {
  record: PagefindRecord
  stored: StoredText
}

/**
 * Turn an index record into Pagefind's input. Pagefind stores every position of every word it indexes, so it gets
 * each distinct pair of units of the text (`indexWords`, shared with the query code) once, a few more times when
 * frequent (1 + log2 of its count, at most `maxRepeats`), for the ranking; `maxRepeats: 1` gives each word once.
 * `prefix` is baked into the URL; `group` becomes the page's `group` filter (the search reads one group at a time);
 * a `digest` meta value (a hash of the shown text) makes the fragment's name follow the text, which `storeText`
 * puts back in place of the words.
 * @example pagefindInputOf(record, { prefix: '/', group: '2022' }).record.filters.group // ['2022']
 */
export function pagefindInputOf(record: IndexRecord, options: { prefix: string; group: string | null; maxRepeats?: number }): PagefindInput {
  const content = record.blocks.join(blockBreak)
  const stored = { content, anchors: record.anchors }
  const digest = createHash('sha256').update(content).update(JSON.stringify(record.anchors)).digest('hex').slice(0, 12)
  return {
    record: {
      url: options.prefix + record.url.replace(/^\//, ''),
      content: indexWordsOf(record.blocks, options.maxRepeats ?? 6).join(' '),
      language: 'zh',
      meta: { ...record.meta, digest },
      filters: options.group === null ? record.filters : { group: [options.group], ...record.filters },
      sort: record.sort,
    },
    stored,
  }
}

/** Each distinct index word of the blocks, repeated 1 + log2 of its count times, at most `maxRepeats`. */
function indexWordsOf(blocks: readonly string[], maxRepeats: number): string[] {
  const counts = new Map<string, number>()
  for (const block of blocks) for (const word of indexWords(block)) counts.set(word, (counts.get(word) ?? 0) + 1)
  const words: string[] = []
  for (const [word, count] of counts) {
    for (let repeat = Math.min(maxRepeats, 1 + Math.floor(Math.log2(count))); repeat > 0; repeat -= 1) words.push(word)
  }
  return words
}
