import { splitHan } from '../../templates/assets/search.core.js'

/** Word separator Pagefind honours while indexing and strips from stored content, so excerpts show no gaps. */
export const wordBreak = '\u200b'

/** A comment, a doctype, or a start or end tag with its attributes (quoted values may hold `>`). */
const token = /<!--[\s\S]*?-->|<![^>]*>|<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
/** Elements whose text Pagefind never indexes; their content is copied untouched. */
const rawText = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title'])
/** Elements without an end tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
/** Pagefind attributes that capture an element's text as a value. */
const capturing = /(\sdata-pagefind-(?:meta|filter|sort)\s*=\s*)("([^"]*)"|'([^']*)')/g
const ignoring = /\sdata-pagefind-ignore(?=[\s=/]|$)/
/** An `id` attribute. Pagefind keeps every element with an id as an anchor, with its whole text. */
const idAttribute = /\sid\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/

interface Open {
  name: string
  ignored: boolean
  /** For an element capturing its text: where its start tag sits in the output, and where its text starts. */
  capture: { slot: number; from: number; attributes: string } | null
}

/**
 * Rewrite a built page into the twin Pagefind indexes: every Han character becomes its own word (separated by
 * `wordBreak`), so index and query are segmented the same way whatever Pagefind's segmenter would do.
 * Structure, heading ids, filters and meta values stay as they were. Ids of other elements are dropped: Pagefind
 * stores each element with an id as an anchor holding its whole text, so paragraph ids (`preamble-p1`) stored every
 * report twice in its fragment, and only heading anchors make sub-results. A linear scan of our own well-formed
 * output (a full HTML parse and re-serialisation took 15 ms a page, most of the twin's cost at 10,000 pages).
 * @example segmentPage('<p>营商环境</p>') // '<p>营\u200b商\u200b环\u200b境</p>'
 */
export function segmentPage(html: string): string {
  const out: string[] = []
  const stack: Open[] = []
  let at = 0
  token.lastIndex = 0
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const text = html.slice(at, match.index)
    out.push(stack.at(-1)?.ignored ? text : splitHan(text, wordBreak))
    at = token.lastIndex
    const [whole, closing, rawName, written = ''] = match
    const name = rawName?.toLowerCase()
    if (!name) out.push(whole)
    else if (closing) closeElement(html, match.index, name, stack, out)
    else if (rawText.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, at)
      const stop = end === -1 ? html.length : end
      out.push(whole, html.slice(at, stop))
      at = stop
      token.lastIndex = stop
    } else {
      const attributes = /^h[1-6]$/.test(name) ? written : written.replace(idAttribute, '')
      out.push(attributes === written ? whole : `<${rawName}${attributes}>`)
      if (voidElements.has(name) || whole.endsWith('/>')) continue
      const ignored = (stack.at(-1)?.ignored ?? false) || ignoring.test(attributes)
      capturing.lastIndex = 0
      const captures = !ignored && capturing.test(attributes)
      stack.push({ name, ignored, capture: captures ? { slot: out.length - 1, from: at, attributes } : null })
    }
  }
  const rest = html.slice(at)
  out.push(stack.at(-1)?.ignored ? rest : splitHan(rest, wordBreak))
  return out.join('')
}

/** Pop up to the element an end tag closes; an element that captured its text gets its start tag rewritten. */
function closeElement(html: string, end: number, name: string, stack: Open[], out: string[]): void {
  out.push(`</${html.slice(end + 2).match(/^[^>]*/)?.[0] ?? name}>`)
  const depth = stack.map((open) => open.name).lastIndexOf(name)
  if (depth === -1) return
  for (const open of stack.splice(depth)) {
    if (!open.capture) continue
    const text = html.slice(open.capture.from, end).replace(/<[^>]*>/g, '').trim()
    out[open.capture.slot] = `<${open.name}${rewriteCaptures(open.capture.attributes, text)}>`
  }
}

/**
 * `data-pagefind-meta="title"` takes the element's text; once segmented it would carry word breaks, so read the
 * value from a copy of the original text in its own attribute instead (`title[data-pagefind-twin-title]`).
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
  const added = [...copies].map(([copy, value]) => ` ${copy}="${value.replace(/"/g, '&quot;')}"`).join('')
  return rewritten.replace(/\s*\/?$/, '') + added
}
