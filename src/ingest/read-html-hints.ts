import type { Element, Nodes, Root } from 'hast'
import { hastToLines } from './hast-to-lines.ts'

/** `<meta>` names and properties that carry the publication date, lower-cased. */
const dateNames = new Set([
  'pubdate', 'firstpublishedtime', 'og:release_date', 'article:published_time', 'publishdate', 'publish_date',
  'publishtime', 'releasedate', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'date',
])

/**
 * What a page's head says about it: the article title (`ArticleTitle` meta, else `<title>`), the publication date
 * from date metas as `YYYY-MM-DD`, and the canonical http(s) address. Absent hints are left out.
 */
export function readHtmlHints(tree: Root): { title?: string; published?: string; url?: string } {
  const hints: { title?: string; published?: string; url?: string } = {}
  const elements = collectElements(tree, new Set(['meta', 'link', 'title']))
  const metas = elements.filter((element) => element.tagName === 'meta').map((meta) => ({ name: metaName(meta), content: stringProperty(meta, 'content') }))
  const articleTitle = metas.find((meta) => meta.name === 'articletitle')?.content
  const titleElement = elements.find((element) => element.tagName === 'title')
  const title = tidy(articleTitle ?? (titleElement ? titleText(titleElement) : ''))
  if (title) hints.title = title
  for (const meta of metas) {
    const date = dateNames.has(meta.name) ? formatDate(meta.content ?? '') : null
    if (date) {
      hints.published = date
      break
    }
  }
  const canonical = elements.find((element) => element.tagName === 'link' && relList(element).includes('canonical'))
  const ogUrl = metas.find((meta) => meta.name === 'og:url')?.content
  const url = [canonical ? stringProperty(canonical, 'href') : undefined, ogUrl].map(httpUrl).find(Boolean)
  if (url) hints.url = url
  return hints
}

/** Elements with one of `tags`, in document order (`<body>` text is skipped quickly, but stray metas there count). */
function collectElements(tree: Root, tags: Set<string>): Element[] {
  const found: Element[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'element' && tags.has(node.tagName)) found.push(node)
    if (node.type === 'element' || node.type === 'root') for (const child of node.children) walk(child)
  }
  walk(tree)
  return found
}

/** Lower-cased `name` or `property` of a meta element. */
function metaName(meta: Element): string {
  return (stringProperty(meta, 'name') ?? stringProperty(meta, 'property') ?? stringProperty(meta, 'itemProp') ?? '').trim().toLowerCase()
}

/** A string property, or undefined. */
function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(' ')
  return undefined
}

/** The `rel` tokens of a link, lower-cased. */
function relList(link: Element): string[] {
  const rel = link.properties.rel
  const tokens = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? [rel] : []
  return tokens.flatMap((token) => token.toLowerCase().split(/\s+/))
}

/** Text of the `<title>` element (its raw text content). */
function titleText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : hastToLines(child).join(' '))).join('')
}

/** Collapse white space and trim. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** `YYYY-MM-DD` for the first real calendar date written in `text` (2024-03-27, 2024/3/27, 2024年3月27日), else null. */
function formatDate(text: string): string | null {
  const match = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The address when it is absolute http(s), else undefined. */
function httpUrl(text: string | undefined): string | undefined {
  if (!text) return undefined
  try {
    const url = new URL(text.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
