import { blockBreak, foldCharacter, newestSort, pointCode } from '../../templates/assets/search.core.js'
import type { DataPage } from './pagefind-format/write-index-data.ts'
import type { IndexRecord } from './index-record.ts'

/**
 * Turn an index record into a page of a bundle. The index gets each distinct pair of units of the text
 * (`indexWords`, shared with the query code) once, a few more times when frequent (1 + log2 of its count, at most
 * `maxRepeats`), for the ranking; `maxRepeats: 1` gives each word once. Its fragment, which the search page shows,
 * holds the text in blocks (separated by `blockBreak`) and its headings, not the words. `prefix` is baked into the
 * URL; `group` becomes the page's `group` filter (the search reads one group at a time), which the fragment leaves out;
 * `position`, the page's place in its bundle (newest first, `planBundles`), its `newestSort` value: every page has
 * one (Pagefind leaves pages without the sort key out of sorted results), so the search lists a bundle's hits in
 * that order.
 * @example dataPageOf(record, { prefix: '/', group: '2022', position: 0 }).sort // { newest: '0000000' }
 */
export function dataPageOf(record: IndexRecord, options: { prefix: string; group: string | null; position: number; maxRepeats?: number }): DataPage {
  const words = indexWordsOf(record.blocks, options.maxRepeats ?? 6)
  const fragment = {
    url: options.prefix + record.url.replace(/^\//, ''),
    content: record.blocks.join(blockBreak),
    word_count: words.length,
    // Keys in order, as Pagefind writes a fragment's maps.
    filters: sortKeys(record.filters),
    meta: sortKeys(record.meta),
    anchors: record.anchors,
  }
  return {
    words,
    fragment: JSON.stringify(fragment),
    metaKeys: Object.keys(fragment.meta),
    filters: options.group === null ? record.filters : { group: [options.group], ...record.filters },
    // The record's own sort keys (`published`) already made this order (`byNewest`): a second list of every page
    // in the meta would say nothing more.
    sort: { [newestSort]: String(options.position).padStart(7, '0') },
  }
}

/**
 * Each distinct index word of the blocks (`indexWords`'s, in the order it first gives them), repeated 1 + log2 of
 * its count times, at most `maxRepeats`. Words are counted as small integers and spelled once each: a report
 * repeats each word about five times, and a string made for every occurrence was garbage for the index workers to
 * collect (their largest cost after writing the index itself).
 */
function indexWordsOf(blocks: readonly string[], maxRepeats: number): string[] {
  // Each block's units as numbers, in order of first use: with n distinct units a pair is first × n + second and a
  // unit n² + itself, integers V8 keeps unboxed while n² < 2³⁰ (a report uses a few thousand characters).
  const numbers = new Map<number, number>()
  const points: number[] = []
  const blockUnits = blocks.map((block) => {
    const units: number[] = []
    for (let at = 0; at < block.length; ) {
      const point = block.codePointAt(at) ?? 0
      const width = point > 0xffff ? 2 : 1
      for (const folded of foldedPointsOf(block, at, width, point)) {
        let number = numbers.get(folded)
        if (number === undefined) numbers.set(folded, (number = points.push(folded) - 1))
        units.push(number)
      }
      at += width
    }
    return units
  })
  const n = points.length
  const counts = countKeys(blockUnits.reduce((sum, units) => sum + 2 * units.length, 0))
  for (const units of blockUnits) {
    // As `indexWords`: each unit with the next, then each alone.
    for (let at = 0; at + 1 < units.length; at += 1) counts.add((units[at] ?? 0) * n + (units[at + 1] ?? 0))
    for (const unit of units) counts.add(n * n + unit)
  }
  const words: string[] = []
  counts.forEach((key, times) => {
    const word = key >= n * n ? pointCode(points[key - n * n] ?? 0) : pointCode(points[Math.floor(key / n)] ?? 0) + pointCode(points[key % n] ?? 0)
    for (let repeat = Math.min(maxRepeats, 1 + Math.floor(Math.log2(times))); repeat > 0; repeat -= 1) words.push(word)
  })
  return words
}

/** Per code point: the code points `foldCharacter` folds that character to (none for a line break: it ends a run). */
const foldedPoints = new Map<number, readonly number[]>()

function foldedPointsOf(text: string, at: number, width: number, point: number): readonly number[] {
  let held = foldedPoints.get(point)
  if (held === undefined) {
    held = point === 0x0a ? [] : [...foldCharacter(text.slice(at, at + width))].map((character) => character.codePointAt(0) ?? 0)
    foldedPoints.set(point, held)
  }
  return held
}

/**
 * Counts of integer keys in an open-addressing table, visited in order of first use (as a Map's entries): a page
 * counts tens of thousands of keys, and a Map of them was garbage for the index worker to collect. Keys are held as
 * doubles, exact whatever the page's number of distinct units.
 */
function countKeys(capacity: number): { add: (key: number) => void; forEach: (visit: (key: number, count: number) => void) => void } {
  let bits = 4
  while (1 << bits < capacity * 2) bits += 1
  const size = 1 << bits
  const keys = new Float64Array(size).fill(-1)
  const counts = new Int32Array(size)
  const order = new Int32Array(Math.max(1, capacity))
  let used = 0
  return {
    add(key) {
      // The product's high bits (Fibonacci hashing): its low bits depend on the key's low bits alone.
      let slot = Math.imul(key, 0x9e3779b1) >>> (32 - bits)
      while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) & (size - 1)
      if (keys[slot] === -1) {
        keys[slot] = key
        order[used++] = slot
      }
      counts[slot] = (counts[slot] ?? 0) + 1
    },
    forEach(visit) {
      for (let at = 0; at < used; at += 1) visit(keys[order[at] ?? 0] ?? 0, counts[order[at] ?? 0] ?? 0)
    },
  }
}

function sortKeys<V>(object: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
