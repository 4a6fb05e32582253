// Test helper: the truth about folded search, computed apart from the search code (OpenCC straight, NFKC, letters
// and digits only), and queries sampled from real text in the shapes researchers type: phrases with punctuation and
// numbers, the same written with other brackets and widths, the other script, pasted sentences, word pairs.
import * as OpenCC from 'opencc-js'
import { seeded } from './seeded.ts'

const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' })
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
const toSimplified = (text: string): string => fromTaiwan(fromHongKong(text))

/** A text as the truth compares it: NFKC, lower case, each character made simplified by OpenCC, letters and digits only. */
export function foldForTruth(text: string): string {
  let out = ''
  for (const character of text.normalize('NFKC').toLowerCase()) {
    let simple = character
    for (let step = 0; step < 4; step++) {
      const next = toSimplified(simple)
      if (next === simple || [...next].length !== 1) break
      simple = next
    }
    if (/[\p{L}\p{N}]/u.test(simple)) out += simple
  }
  return out
}

/** A sampled query, what kind of sample it is, and the pages holding every word of it. */
export interface FoldedQuery {
  q: string
  shape: string
  expected: string[]
}

/** Brackets, quotes and dashes a writer may use for one another, and digits in full width. */
const swaps: Record<string, string> = { '〔': '[', '〕': ']', '（': '(', '）': ')', '(': '（', ')': '）', '[': '［', ']': '］', '《': '〈', '》': '〉', '“': '「', '”': '」', '—': '-', '－': '—', '-': '－', '【': '[', '】': ']' }

/**
 * Sample queries from the pages' blocks (`texts`: one block a line), seeded, each with the pages where every word of
 * it, folded (`foldForTruth`), is inside one folded block.
 */
export function sampleFoldedQueries(texts: Map<string, string>, seed = 11): FoldedQuery[] {
  const random = seeded(seed)
  const pages = [...texts.keys()].sort()
  const lines = pages.flatMap((url) => (texts.get(url) ?? '').split('\n').filter((line) => foldForTruth(line).length >= 2))
  const pickLine = (test: (line: string) => boolean): string => {
    for (;;) {
      const line = lines[Math.floor(random() * lines.length)] ?? ''
      if (test(line)) return line
    }
  }
  /** A substring of `length` characters holding at least two units, optionally around a character matching `around`. */
  const cut = (line: string, length: number, around?: RegExp): string => {
    const characters = [...line]
    const anchors = around ? characters.flatMap((character, at) => (around.test(character) ? [at] : [])) : []
    for (let tries = 0; tries < 20; tries++) {
      const anchor = anchors.length > 0 ? (anchors[Math.floor(random() * anchors.length)] ?? 0) : Math.floor(random() * characters.length)
      const start = Math.max(0, Math.min(characters.length - length, anchor - Math.floor(random() * length)))
      const piece = characters.slice(start, start + length).join('')
      if (foldForTruth(piece).length >= 2) return piece
    }
    return characters.slice(0, length).join('')
  }
  const marked = /[\d〔〕《》（）()“”、，。：；—-]/
  const queries: { q: string; shape: string }[] = []
  for (let length = 2; length <= 8; length++) {
    for (let n = 0; n < 16; n++) queries.push({ q: cut(pickLine((line) => [...line].length >= length), length), shape: `${length} characters` })
  }
  for (let n = 0; n < 40; n++) queries.push({ q: cut(pickLine((line) => marked.test(line)), 4 + (n % 9), marked), shape: 'punctuation and numbers' })
  for (let n = 0; n < 40; n++) {
    const piece = cut(pickLine((line) => /[〔〕（）()《》“”—\d]/.test(line)), 6 + (n % 7), /[〔〕（）()《》“”—\d]/)
    const swapped = [...piece].map((character) => swaps[character] ?? (/\d/.test(character) && n % 2 === 0 ? String.fromCharCode(character.charCodeAt(0) + 0xfee0) : character)).join('')
    queries.push({ q: swapped, shape: 'other brackets, dashes and widths' })
  }
  for (let n = 0; n < 30; n++) queries.push({ q: toTraditional(cut(pickLine(() => true), 2 + (n % 6))), shape: 'simplified into traditional' })
  const traditional = (line: string): boolean => foldForTruth(line) !== line.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
  for (let n = 0; n < 30; n++) queries.push({ q: toSimplified(cut(pickLine(traditional), 2 + (n % 6))), shape: 'traditional into simplified' })
  for (let n = 0; n < 20; n++) queries.push({ q: cut(pickLine((line) => [...line].length >= 60), 50 + (n % 11)), shape: 'pasted sentence' })
  for (let n = 0; n < 30; n++) {
    queries.push({ q: `${cut(pickLine(() => true), 2 + (n % 3))} ${cut(pickLine(() => true), 2 + (n % 4))}`, shape: 'two words' })
  }
  const foldedPages = new Map(pages.map((url) => [url, (texts.get(url) ?? '').split('\n').map(foldForTruth)]))
  const seen = new Set<string>()
  return queries
    .map((query) => ({ ...query, q: query.q.trim() }))
    .filter((query) => query.q && !seen.has(query.q) && seen.add(query.q))
    .map((query) => ({
      ...query,
      expected: pages.filter((url) => query.q.split(/\s+/).map(foldForTruth).filter(Boolean).every((word) => foldedPages.get(url)?.some((block) => block.includes(word)))),
    }))
}
