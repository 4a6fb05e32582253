// Test helper: the indexed text of built report pages, and queries sampled from it with the truth about each.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { openSiteIndex, type SiteIndex } from '../../src/search/index.ts'
import { foldForTruth } from './folded-queries.ts'
import { seeded } from './seeded.ts'

/** Elements that end a run of text: a phrase never runs from one into the next. */
const blocks = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'td', 'th', 'div', 'section', 'article', 'blockquote', 'pre', 'caption', 'figcaption', 'table', 'tr', 'ul', 'ol', 'dl'])

/**
 * The text a report page shows, as a reader sees it: the title and the sections (`.report-body`) without copy links
 * and citation panels, each block on its own line, spaces removed inside lines. Read from the built HTML, apart from
 * the index's own records, so it can serve as the truth.
 */
export function readIndexedText(html: string): string {
  const tree = unified().use(rehypeParse).parse(html)
  const parts: string[] = []
  for (const part of findReportText(tree)) collect(part, parts)
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ''))
    .filter(Boolean)
    .join('\n')
}

/** The text of every report page of a built site (`reports/{year}/{slug}/index.html` with an `article.report`), by URL. */
export async function readIndexedTexts(siteDir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  const files = (await readdir(path.join(siteDir, 'reports'), { recursive: true })).filter((file) => /^[^/]+\/[^/]+\/index\.html$/.test(file)).sort()
  for (const file of files) {
    const html = await readFile(path.join(siteDir, 'reports', file), 'utf8')
    if (html.includes('<article class="report">')) texts.set(`/reports/${file.replace(/index\.html$/, '')}`, readIndexedText(html))
  }
  return texts
}

/** A built site's search index, or an error naming why it cannot be opened. */
export async function openIndexOrThrow(siteDir: string): Promise<SiteIndex> {
  const opened = await openSiteIndex(siteDir)
  if (!opened.value) throw new Error(JSON.stringify(opened.messages))
  return opened.value
}

/** A sampled query and the pages that hold it. */
export interface SampledQuery {
  q: string
  expected: string[]
}

/**
 * Sample `perLength` Chinese substrings of each length from the pages' text (seeded, so the same every run), plus
 * `pairs` two-word queries, each with the set of pages whose text holds every word (`pagesHolding`).
 */
export function sampleQueries(texts: Map<string, string>, lengths: number[], perLength: number, pairs: number, seed = 1): SampledQuery[] {
  const random = seeded(seed)
  const pages = [...texts.keys()].sort()
  const runs = pages.map((url) => [...(texts.get(url) ?? '').matchAll(/\p{Script=Han}+/gu)].map((match) => match[0]))
  const pick = (length: number): string => {
    for (;;) {
      const candidates = runs[Math.floor(random() * runs.length)]?.filter((run) => run.length >= length) ?? []
      const run = candidates[Math.floor(random() * candidates.length)]
      if (!run) continue
      const start = Math.floor(random() * (run.length - length + 1))
      return run.slice(start, start + length)
    }
  }
  const queries = new Set<string>()
  for (const length of lengths) {
    for (let n = 0; n < perLength; n++) queries.add(pick(length))
  }
  for (let n = 0; n < pairs; n++) queries.add(`${pick(2 + (n % 3))} ${pick(2 + (n % 4))}`)
  return [...queries].map((q) => ({ q, expected: pagesHolding(texts, q) }))
}

/**
 * The pages (sorted) where every space-separated word of `q`, folded as the search folds (`foldForTruth`: script,
 * width, punctuation and spaces do not count), is inside one folded block (a line of `texts`).
 */
export function pagesHolding(texts: Map<string, string>, q: string): string[] {
  const words = q.split(/\s+/).map(foldForTruth).filter(Boolean)
  return [...texts]
    .filter(([, text]) => {
      const blocks = text.split('\n').map(foldForTruth)
      return words.every((word) => blocks.some((block) => block.includes(word)))
    })
    .map(([url]) => url)
    .sort()
}

/** The report's title (`article.report > h1`) and its sections (`.report-body`). */
function findReportText(node: Root | Element): Element[] {
  const found: Element[] = []
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type !== 'element') continue
    const classes = (child.properties['className'] as string[] | undefined) ?? []
    if (child.tagName === 'article' && classes.includes('report')) {
      found.push(...child.children.filter((part): part is Element => part.type === 'element' && (part.tagName === 'h1' || ((part.properties['className'] as string[] | undefined) ?? []).includes('report-body'))))
    } else found.push(...findReportText(child))
  }
  return found
}

function collect(node: Element, parts: string[]): void {
  if (node.properties['dataPagefindIgnore'] !== undefined || ['script', 'style', 'template'].includes(node.tagName)) return
  const block = blocks.has(node.tagName)
  if (block) parts.push('\n')
  for (const child of node.children) {
    if (child.type === 'text') parts.push(child.value)
    else if (child.type === 'element') collect(child, parts)
  }
  if (block) parts.push('\n')
}
