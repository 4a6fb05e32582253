import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { splitHan } from '../../templates/assets/search.core.js'

/** Word separator Pagefind honours while indexing and strips from stored content, so excerpts show no gaps. */
export const wordBreak = '\u200b'

/** Pagefind attributes that capture an element's text as a value. */
const capturing = ['data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort'] as const
/** Elements whose text Pagefind never indexes. */
const skipped = new Set(['script', 'style', 'template', 'noscript'])

const processor = unified().use(rehypeParse).use(rehypeStringify)

/**
 * Rewrite a built page into the twin Pagefind indexes: every Han character becomes its own word (separated by
 * `wordBreak`), so index and query are segmented the same way whatever Pagefind's segmenter would do.
 * Structure, heading ids, filters and meta values stay as they were.
 * @example segmentPage('<p>营商环境</p>') // '<p>营\u200b商\u200b环\u200b境</p>' (inside a full document)
 */
export function segmentPage(html: string): string {
  const tree = processor.parse(html)
  segmentChildren(tree)
  return processor.stringify(tree)
}


function segmentChildren(parent: Root | Element): void {
  for (const node of parent.children as (RootContent | ElementContent)[]) {
    if (node.type === 'text') node.value = splitHan(node.value, wordBreak)
    else if (node.type === 'element') segmentElement(node)
  }
}

function segmentElement(element: Element): void {
  const properties = element.properties
  // Ignored parts are not indexed, and hold the filter values, which must stay as written.
  if (properties['dataPagefindIgnore'] !== undefined || skipped.has(element.tagName)) return
  for (const attribute of capturing) keepCapturedText(element, attribute)
  segmentChildren(element)
}

/**
 * `data-pagefind-meta="title"` takes the element's text; once segmented it would carry word breaks, so read the
 * value from a copy of the original text in its own attribute instead (`title[data-pagefind-twin-title]`).
 */
function keepCapturedText(element: Element, attribute: (typeof capturing)[number]): void {
  const key = attributeKey(attribute)
  const value = element.properties[key]
  if (typeof value !== 'string') return
  const text = textOf(element).trim()
  const rewritten = value.split(',').map((part) => {
    const name = part.trim()
    if (!/^[\w-]+$/.test(name)) return part
    const copy = `data-pagefind-twin-${name.toLowerCase()}`
    element.properties[attributeKey(copy)] = text
    return `${name}[${copy}]`
  })
  element.properties[key] = rewritten.join(',')
}

function attributeKey(attribute: string): string {
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}
