import type { Heading, Paragraph, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { describe } from '../../messages.ts'
import { classifyPart } from '../kinds/classify-part.ts'
import { findPartBoundary } from './find-part-boundary.ts'
import { readHeadingNumber, type NumberStyle } from './read-heading-number.ts'
import { trimSpace } from '../lines/split-lines.ts'

/** Longest heading text (number excluded, up to and including a run-in 。 or ：). */
const maxHeadingLength = 60
const maxUnnumberedLength = 40

interface Candidate {
  type: 'numbered' | 'damaged' | 'unnumbered' | 'item'
  number: string | null
  heading: string
  rest: string
  rank: number
  ordinal: number | null
  style: NumberStyle | null
}

/**
 * A unified transformer plugin: turn heading lines into mdast `heading` nodes carrying number, rank and ordinal.
 * Numbered lines (`一、` `(一)` `1、` `(1)`) are headings when short; run-in headings (`(一)标题。正文…`) split into
 * heading and paragraph; damaged numbers (`)标题`) and unnumbered part headings take their level from neighbours;
 * short unnumbered lines standing between paragraphs, two or more alike under one heading, are its items.
 */
export function markHeadings(): (tree: Root, file: VFile) => void {
  return (tree, file) => {
    const candidates = tree.children.map((node) => (node.type === 'paragraph' ? readCandidate(node) : null))
    readLoneNumerals(tree.children, candidates)
    raiseLeadingArabic(candidates)
    const topRank = candidates.reduce<number | null>((min, candidate) =>
      (candidate?.type === 'numbered' && (min === null || candidate.rank < min) ? candidate.rank : min), null)
    resolveDamaged(candidates)
    resolveUnnumbered(candidates, topRank)
    findItemHeadings(tree.children, candidates)
    const children: RootContent[] = []
    let skip = -1
    tree.children.forEach((node, index) => {
      const candidate = candidates[index]
      if (index === skip) return
      if (node.type !== 'paragraph' || candidate === null || candidate === undefined) return void children.push(node)
      const next = tree.children[index + 1]
      const nextText = next?.type === 'paragraph' && next.children[0]?.type === 'text' ? next.children[0].value : ''
      if (candidate.type === 'numbered' && candidate.heading === '' && (candidates[index + 1] ?? null)?.type !== 'numbered' &&
        candidates[index + 1]?.type !== 'damaged' &&
        nextText.length <= maxHeadingLength && !/[。;；]./.test(nextText)) {
        // A number alone on its line (`一、`) heads the short line that follows.
        candidate.heading = nextText
        skip = index + 1
      } else if (candidate.type === 'numbered' && candidate.heading === '' && next?.type === 'paragraph' && candidates[index + 1] === null) {
        // A list number alone on its line (`1.`) before a run-in item heads that item's first sentence.
        const nextNorm = next.data?.norm ?? nextText
        const split = nextText === '' ? null : splitRunIn(nextText, nextNorm, 0)
        if (split !== null && split.rest !== '') {
          candidate.heading = split.heading
          candidate.rest = split.rest
          skip = index + 1
        }
      }
      children.push(...toHeading(node, candidate))
      if (candidate.type === 'damaged') {
        file.message(describe('damaged-heading-number', { heading: candidate.heading, number: candidate.number ?? '', level: levelOf(candidate.rank) }),
          { place: node.position, ruleId: 'damaged-heading-number', source: 'parse' })
      } else if (candidate.type === 'unnumbered' && topRank !== null && topRank <= candidate.rank) {
        // Only a heading whose siblings are numbered lost its number; 【主要举措和成效】 above （一） items did not.
        file.message(describe('damaged-heading-number', { heading: candidate.heading, number: null, level: levelOf(candidate.rank) }),
          { place: node.position, ruleId: 'damaged-heading-number', source: 'parse' })
      }
    })
    tree.children = children
  }
}

/** Read a paragraph line as a possible heading; rank of damaged and unnumbered ones is resolved later. */
function readCandidate(node: Paragraph): Candidate | null {
  const text = node.children[0]?.type === 'text' ? node.children[0].value : ''
  const norm = node.data?.norm ?? text
  const bracketed = readBracketed(text, norm)
  if (bracketed !== null) return bracketed
  const number = readHeadingNumber(norm)
  if (number !== null) {
    const split = splitRunIn(text, norm, number.length)
    if (split === null) return null
    return { type: 'numbered', number: trimSpace(text.slice(0, number.length)), ...split, rank: number.rank, ordinal: number.ordinal, style: number.style }
  }
  if (/^[)、]\s*[^\s)、]/.test(norm)) {
    const split = splitRunIn(text, norm, 1)
    if (split === null || split.heading.length < 2) return null
    return { type: 'damaged', number: text.charAt(0), ...split, rank: -1, ordinal: null, style: null }
  }
  // Table rows and link lists put spaces between words; part headings do not.
  if (/\S\s+\S/.test(norm)) return null
  const compact = norm
  if (compact.length < 4 || compact.length > maxUnnumberedLength || /[。;,:!?]|、$|报告|如下/.test(compact)) return null
  if (classifyPart(text) === null) return null
  return { type: 'unnumbered', number: null, heading: text, rest: '', rank: -1, ordinal: null, style: null }
}

// 一 or, in WeChat layouts, 01 and PART 01; a bare 1 is left alone, since PDF copies leave page numbers so.
const loneNumeral = /^(?:[一二三四五六七八九十]{1,3}|0[1-9]|part\s*0?[1-9])$/i

/**
 * A part number alone on its line (`一`, `01`, `PART 01`, as WeChat and slide layouts set them) followed by a short line
 * without a sentence inside is a part number; the main loop joins it with that line as it does a lone `一、`.
 */
function readLoneNumerals(nodes: readonly RootContent[], candidates: (Candidate | null)[]): void {
  nodes.forEach((node, index) => {
    if (candidates[index] !== null || node.type !== 'paragraph') return
    const norm = node.data?.norm ?? paragraphText(node) ?? ''
    const next = paragraphText(nodes[index + 1])
    if (!loneNumeral.test(norm) || next === null || next.length > maxHeadingLength || /[。;；]./.test(next)) return
    const number = readHeadingNumber(`${norm.replace(/^part\s*0?|^0/i, '')}、`)
    if (number === null || (candidates[index + 1]?.type ?? null) === 'numbered') return
    // Whatever its digits, a number set alone above its title numbers a part: the top level, like 一、.
    candidates[index] = { type: 'numbered', number: paragraphText(node) ?? norm, heading: '', rest: '', rank: 1, ordinal: number.ordinal, style: 'chinese' }
  })
}

/**
 * A line opening with a part title inside 【】 or 〔〕 is a heading: `【一、主要举措和成效】` is numbered (number `【一、`,
 * heading `主要举措和成效】`, so every character stays), `【存在的不足和原因】` is an unnumbered part heading when it
 * names a part. Text after the closing bracket (`【主要举措和成效】2023年，我厅…`) is a run-in paragraph.
 */
function readBracketed(text: string, norm: string): Candidate | null {
  const match = /^\[([^[\]。;]{2,60})\]/.exec(norm)
  if (match === null) return null
  const close = match[0].length
  const rest = trimSpace(text.slice(close))
  let start = 1
  while (start < close && norm.charAt(start) === ' ') start++
  const number = readHeadingNumber(norm.slice(start, close - 1))
  if (number !== null) {
    const end = start + number.length
    const heading = trimSpace(text.slice(end, close))
    if (heading.length < 2) return null
    return { type: 'numbered', number: trimSpace(text.slice(0, end)), heading, rest, rank: number.rank, ordinal: number.ordinal, style: number.style }
  }
  if (classifyPart(text.slice(1, close - 1)) === null) return null
  return { type: 'unnumbered', number: null, heading: text.slice(0, close), rest, rank: -1, ordinal: null, style: null }
}

/**
 * Split `heading。rest` at the first 。 or ：, or earlier where a part title runs into its body without them
 * (`三、存在的不足和原因一是…`); null when the line is too long to be a heading.
 */
function splitRunIn(text: string, norm: string, from: number): { heading: string; rest: string } | null {
  let start = from
  while (start < norm.length && norm.charAt(start) === ' ') start++
  const boundary = findPartBoundary(norm, start)
  if (boundary !== null && !/[。:]/.test(norm.slice(start, boundary))) {
    return { heading: text.slice(start, boundary), rest: trimSpace(text.slice(boundary)) }
  }
  let stop = -1
  for (let index = start; index < norm.length && index - start <= maxHeadingLength; index++) {
    const char = norm.charAt(index)
    if (char === '。' || char === ':') {
      stop = index
      break
    }
  }
  if (stop === -1) {
    if (norm.length - start > maxHeadingLength || (start < norm.length && /[;,、]$/.test(norm))) return null
    return { heading: text.slice(start), rest: '' }
  }
  // `1.自觉接受人大监督，全年办理建议186件，办复率100%。` is a numbered paragraph: a title is short or a phrase.
  if (isClauseChain(norm.slice(start, stop))) return null
  return { heading: text.slice(start, stop + 1), rest: trimSpace(text.slice(stop + 1)) }
}

/** Longer than a title and made of four or more clauses: a sentence of report text, not a run-in heading. */
const maxClauseChainTitle = 40
function isClauseChain(sentence: string): boolean {
  return sentence.length > maxClauseChainTitle && (sentence.match(/,/g) ?? []).length >= 3
}

/** With no 一、 in the document, a 1、 sequence that comes before any （一） is the top level, above the （一） items. */
function raiseLeadingArabic(candidates: readonly (Candidate | null)[]): void {
  const first = (style: NumberStyle): number => candidates.findIndex((candidate) => candidate?.type === 'numbered' && candidate.style === style)
  if (first('chinese') !== -1 || first('chapter') !== -1) return
  const arabic = first('arabic')
  const paren = first('paren-chinese')
  if (arabic === -1 || paren === -1 || arabic > paren) return
  for (const candidate of candidates) if (candidate?.style === 'arabic') candidate.rank = 1.5
}

/** A damaged number takes the rank of the nearest numbered neighbour of a matching shape (`)` → a parenthesised style). */
function resolveDamaged(candidates: (Candidate | null)[]): void {
  candidates.forEach((candidate, index) => {
    if (candidate?.type !== 'damaged') return
    const wantsParen = candidate.number === ')' || candidate.number === '）'
    const fits = (other: Candidate): boolean => (other.style?.startsWith('paren') ?? false) === wantsParen
    const previous = nearestNumbered(candidates, index, -1)
    const next = nearestNumbered(candidates, index, 1)
    const match = [previous, next].find((other) => other !== null && fits(other)) ?? previous ?? next
    candidate.rank = match?.rank ?? (wantsParen ? 2 : 1)
  })
}

/** An unnumbered part heading sits above a following restart (`(一)`, `1、`), else at the top level. */
function resolveUnnumbered(candidates: (Candidate | null)[], topRank: number | null): void {
  const restartRanks: number[] = []
  const pending: Candidate[] = []
  const firstNumbered = candidates.findIndex((candidate) => candidate?.type === 'numbered')
  candidates.forEach((candidate, index) => {
    if (candidate?.type !== 'unnumbered') return
    const next = candidates[index + 1]
    const restarts = next?.type === 'numbered' && next.ordinal === 1
    // Before the first numbered heading, a short line is the preamble's unless it opens a numbered list.
    if (index < firstNumbered && !restarts) return void (candidates[index] = null)
    if (restarts) {
      candidate.rank = Math.min(topRank ?? Number.POSITIVE_INFINITY, next.rank - 0.5)
      restartRanks.push(candidate.rank)
    } else pending.push(candidate)
  })
  const keywordRank = restartRanks.reduce((min, rank) => Math.min(min, rank), topRank ?? 1)
  for (const candidate of pending) candidate.rank = keywordRank
}

/** Longest unnumbered item heading, in characters. */
const maxItemLength = 30
// Sentence punctuation anywhere, or spaces between words (table rows), rule a line out as an item heading.
const notItem = /[。;,:!?、“”"()]|\S\s+\S/

/**
 * Between one heading and the next, lines that look like headings without a number (short, no
 * punctuation, a longer sentence-ending paragraph after them, a paragraph or the heading before them) are its items
 * when there are at least two: 持续优化法治化营商环境 / 加强知识产权法治保障 under 主要举措和成效.
 */
function findItemHeadings(nodes: readonly RootContent[], candidates: (Candidate | null)[]): void {
  let parent: Candidate | null = null
  let items: { index: number; text: string }[] = []
  const close = (): void => {
    if (parent !== null && items.length >= 2) {
      for (const { index, text } of items) candidates[index] = { type: 'item', number: null, heading: text, rest: '', rank: parent.rank + 1, ordinal: null, style: null }
    }
    items = []
  }
  nodes.forEach((node, index) => {
    const candidate = candidates[index]
    if (candidate !== null && candidate !== undefined) {
      close()
      parent = candidate
      return
    }
    const text = paragraphText(node)
    if (text === null || parent === null) return
    const norm = node.type === 'paragraph' ? (node.data?.norm ?? text) : text
    const next = paragraphText(nodes[index + 1])
    const previous = nodes[index - 1]
    const afterParagraph = candidates[index - 1] !== null || /[。;!?”]$/.test(previousNorm(previous))
    if (norm.length >= 4 && norm.length <= maxItemLength && !notItem.test(norm) && afterParagraph && next !== null &&
      candidates[index + 1] === null && /[。;!?”]$/.test(normaliseEnd(next)) && next.length >= norm.length * 1.5) {
      items.push({ index, text })
    }
  })
  close()
}

function paragraphText(node: RootContent | undefined): string | null {
  return node?.type === 'paragraph' && node.children[0]?.type === 'text' ? node.children[0].value : null
}

function previousNorm(node: RootContent | undefined): string {
  return node?.type === 'paragraph' ? (node.data?.norm ?? paragraphText(node) ?? '') : ''
}

function normaliseEnd(text: string): string {
  return text.replace(/[；！？]$/, ';')
}

function nearestNumbered(candidates: readonly (Candidate | null)[], from: number, step: 1 | -1): Candidate | null {
  for (let index = from + step; index >= 0 && index < candidates.length; index += step) {
    const candidate = candidates[index]
    if (candidate?.type === 'numbered') return candidate
  }
  return null
}

/** The heading node, followed by the run-in paragraph when the line continues after the heading. */
function toHeading(node: Paragraph, candidate: Candidate): RootContent[] {
  const position = node.position
  const heading: Heading = {
    type: 'heading',
    depth: levelOf(candidate.rank),
    children: candidate.heading === '' ? [] : [{ type: 'text', value: candidate.heading }],
    data: { number: candidate.number, rank: candidate.rank, ordinal: candidate.ordinal, style: candidate.style },
    ...(position === undefined ? {} : { position }),
  }
  if (candidate.rest === '') return [heading]
  const rest: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: candidate.rest }], ...(position === undefined ? {} : { position }) }
  return [heading, rest]
}

function levelOf(rank: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(1, Math.floor(rank))) as 1 | 2 | 3 | 4 | 5 | 6
}
