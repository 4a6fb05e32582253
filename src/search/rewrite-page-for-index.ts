import { createHash } from 'node:crypto'
import { blockBreak, indexWords } from '../../templates/assets/search.core.js'
import { decodeEntities } from './decode-entities.ts'

/** A heading the search links to: its element, id and text, at the block it starts. */
export interface PageAnchor {
  element: string
  id: string
  text: string
  /** Number of the heading's block in `content`. */
  location: number
}

/** A built page as the search index takes it. */
export interface PageForIndex {
  /** The page Pagefind indexes: structure, filters and meta as built; the text replaced by its index words. */
  html: string
  /** The indexed text as shown in results: its blocks (headings, paragraphs, cells) separated by `blockBreak`. */
  content: string
  /** Headings with ids, for links to sections. */
  anchors: PageAnchor[]
}

/** A comment, a doctype, or a start or end tag with its attributes (quoted values may hold `>`). */
const token = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
/** Elements whose text Pagefind never indexes; their content is copied untouched. */
const rawText = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title'])
/** Elements without an end tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
/** Elements inside a line of text: they do not start a new block. */
const inline = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'img', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'])
/** Pagefind attributes that capture an element's text as a value. */
const capturing = /(\sdata-pagefind-(?:meta|filter|sort)\s*=\s*)("([^"]*)"|'([^']*)')/g
const ignoring = /\sdata-pagefind-ignore(?=[\s=/]|$)/
const bodyMark = /\sdata-pagefind-body(?=[\s=/]|$)/
const idAttribute = /\sid\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/

interface Open {
  name: string
  ignored: boolean
  /** For an element capturing its text: where its start tag sits in the output, and where its text starts. */
  capture: { slot: number; from: number; attributes: string } | null
}

/**
 * Rewrite a built page for the search index. Pagefind stores every position of every word it indexes; for Chinese
 * cut into single characters that is the whole text again, and a common character's positions on 10,000 pages are
 * megabytes. So the page Pagefind sees holds each distinct character pair of the text once (a few more times when
 * frequent, for ranking: 1 + log2 of its count), as ASCII words (`unitCode`), in one paragraph at the start of the
 * body; everything else Pagefind reads (filters, meta, sort) stays as built. The text itself comes back as
 * `content`, in blocks, for `writeShard` to store in the page's fragment in place of the words.
 * `group` is added as the page's `group` filter: the search reads one group (year) at a time.
 * @example rewritePageForIndex('<main data-pagefind-body><p>营商环境</p></main>', '2022').content // '营商环境'
 */
export function rewritePageForIndex(html: string, group: string | null): PageForIndex {
  const out: string[] = []
  const stack: Open[] = []
  const blocks: string[] = []
  const anchors: PageAnchor[] = []
  let block = ''
  let bodyDepth = -1
  let wordsSlot = -1
  let heading: PageAnchor | null = null
  const flush = (): void => {
    const text = block.replace(/\s+/g, ' ').trim()
    block = ''
    if (!text) return
    if (heading && heading.location === blocks.length) heading.text += text
    blocks.push(text)
  }
  const inText = (): boolean => bodyDepth !== -1 && !(stack.at(-1)?.ignored ?? false)
  let at = 0
  token.lastIndex = 0
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const text = html.slice(at, match.index)
    if (inText()) block += decodeEntities(text)
    else out.push(text)
    at = token.lastIndex
    const [whole, closing, rawName, written = ''] = match
    const name = rawName?.toLowerCase()
    if (!name) {
      out.push(whole)
      continue
    }
    if (!inline.has(name) && inText()) flush()
    if (closing) {
      out.push(`</${rawName}>`)
      const depth = stack.map((open) => open.name).lastIndexOf(name)
      if (depth === -1) continue
      for (const open of stack.splice(depth)) {
        if (open.capture) out[open.capture.slot] = `<${open.name}${rewriteCaptures(open.capture.attributes, capturedText(html, open.capture.from, match.index))}>`
      }
      if (heading && /^h[1-6]$/.test(name)) heading = null
      if (stack.length <= bodyDepth) bodyDepth = -1
    } else if (rawText.has(name)) {
      const closer = new RegExp(`</${name}`, 'gi')
      closer.lastIndex = at
      const stop = closer.exec(html)?.index ?? html.length
      out.push(whole, html.slice(at, stop))
      at = stop
      token.lastIndex = stop
    } else {
      const id = idAttribute.exec(written)?.[1]?.replace(/^["']|["']$/g, '')
      const attributes = written.replace(idAttribute, '')
      out.push(attributes === written ? whole : `<${rawName}${attributes}>`)
      if (/^h[1-6]$/.test(name) && id && inText()) {
        heading = { element: name, id, text: '', location: blocks.length }
        anchors.push(heading)
      }
      if (voidElements.has(name) || whole.endsWith('/>')) continue
      const ignored = (stack.at(-1)?.ignored ?? false) || ignoring.test(attributes)
      capturing.lastIndex = 0
      const captures = !ignored && bodyDepth !== -1 && capturing.test(attributes)
      stack.push({ name, ignored, capture: captures ? { slot: out.length - 1, from: at, attributes } : null })
      if (bodyDepth === -1 && bodyMark.test(attributes)) {
        bodyDepth = stack.length - 1
        wordsSlot = out.push('') - 1
      }
    }
  }
  out.push(html.slice(at))
  flush()
  const content = blocks.join(blockBreak)
  if (wordsSlot !== -1) out[wordsSlot] = wordsParagraph(blocks, group, digestOf(content, anchors))
  return { html: out.join(''), content, anchors: anchors.filter((anchor) => anchor.text) }
}

/** The paragraph Pagefind indexes: each word once, or a few times when frequent; the group filter; a digest. */
function wordsParagraph(blocks: string[], group: string | null, digest: string): string {
  const counts = new Map<string, number>()
  for (const block of blocks) for (const word of indexWords(block)) counts.set(word, (counts.get(word) ?? 0) + 1)
  const words: string[] = []
  for (const [word, count] of counts) {
    for (let repeat = Math.min(6, 1 + Math.floor(Math.log2(count))); repeat > 0; repeat -= 1) words.push(word)
  }
  const filter = group === null ? '' : `<span data-pagefind-filter="group:${escapeAttribute(group)}"></span>`
  // The digest is meta, so the fragment's name (a hash of what Pagefind stores) changes whenever the shown text does.
  return `${filter}<p data-pagefind-meta="digest:${digest}">${words.join(' ')}</p>`
}

function digestOf(content: string, anchors: PageAnchor[]): string {
  return createHash('sha256').update(content).update(JSON.stringify(anchors)).digest('hex').slice(0, 12)
}

/** The text of a captured element, as Pagefind would read it: tags dropped, entities decoded, trimmed. */
function capturedText(html: string, from: number, to: number): string {
  return decodeEntities(html.slice(from, to).replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim()
}

/**
 * `data-pagefind-meta="title"` takes the element's text, which the index words replace; read the value from a
 * copy of the original text in its own attribute instead (`title[data-pagefind-twin-title]`).
 */
function rewriteCaptures(attributes: string, text: string): string {
  const copies = new Map<string, string>()
  const rewritten = attributes.replace(capturing, (_whole, lead: string, _quoted, double?: string, single?: string) => {
    const value = (double ?? single ?? '').split(',').map((part) => {
      const name = part.trim()
      if (!/^[\w-]+$/.test(name)) return part
      const copy = `data-pagefind-twin-${name.toLowerCase()}`
      copies.set(copy, text)
      return `${name}[${copy}]`
    })
    return `${lead}"${value.join(',').replace(/"/g, '&quot;')}"`
  })
  const added = [...copies].map(([copy, value]) => ` ${copy}="${escapeAttribute(value)}"`).join('')
  return rewritten.replace(/\s*\/?$/, '') + added
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
