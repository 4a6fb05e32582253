import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import rehypeParse from 'rehype-parse'
import { toText } from 'hast-util-to-text'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { rewritePageForIndex } from '../../src/search/index.ts'
import { blockBreak, unitCode, indexWords } from '../../templates/assets/search.core.js'
import { fixturePages } from './fixture-pages.ts'
import { makeReportPage } from './make-report-page.ts'

const page = `<!doctype html><html lang="zh-CN"><head><title>标题</title><script>var a = "<p>法治</p>"</script></head><body><nav>首页</nav><article data-pagefind-body>
<h1 data-pagefind-meta="title">营商环境, 报告</h1>
<div hidden data-pagefind-ignore><span data-pagefind-filter="province">天津市</span><br><p>不<b>分</b>词</p></div>
<section><h2 id="achievements-1"><span>一、</span>优化营商环境</h2><p id="achievements-1-p1">2020年推进a&amp;b &lt;条例&gt;<img src="x.png" alt="图片">依法</p><p>法 治 政 府</p></section>
</article></body></html>`

describe('rewritePageForIndex', () => {
  const looked = rewritePageForIndex(page, '2022')
  it('keeps the indexed text as blocks, headings as anchors at their block', () => {
    expect(looked.content.split(blockBreak)).toEqual(['营商环境, 报告', '一、优化营商环境', '2020年推进a&b <条例>依法', '法 治 政 府'])
    expect(looked.anchors).toEqual([{ element: 'h2', id: 'achievements-1', text: '一、优化营商环境', location: 1 }])
  })
  it('gives Pagefind each character pair of the text once, in one paragraph, and none of the text itself', () => {
    const words = looked.html.match(/<p data-pagefind-meta="digest:[0-9a-f]{12}">([^<]*)<\/p>/)?.[1]?.split(' ') ?? []
    expect(words).toContain(unitCode('营') + unitCode('商'))
    expect(words).toContain(unitCode('法') + unitCode('治'))
    expect(words).not.toContain(unitCode('告') + unitCode('一'))
    expect(new Set(words)).toEqual(new Set(looked.content.split(blockBreak).flatMap(indexWords)))
    expect(looked.html).not.toMatch(/推进|优化营商/)
  })
  it('repeats a frequent pair a few times for ranking, by the log of its count', () => {
    const text = '普法'.repeat(1) + '，' + Array.from({ length: 8 }, () => '法治').join('，')
    const words = rewritePageForIndex(`<main data-pagefind-body><p>${text}</p></main>`, null).html.split(/[ >]/)
    expect(words.filter((word) => word === unitCode('法') + unitCode('治')).length).toBe(4)
    expect(words.filter((word) => word.startsWith(unitCode('普') + unitCode('法'))).length).toBe(1)
  })
  it('keeps filters, ignored parts, scripts, text outside the body and the page language as written; adds the group', () => {
    expect(looked.html).toContain('<span data-pagefind-filter="province">天津市</span><br><p>不<b>分</b>词</p></div>')
    expect(looked.html).toContain('<script>var a = "<p>法治</p>"</script>')
    expect(looked.html).toContain('<nav>首页</nav>')
    expect(looked.html).toContain('<html lang="zh-CN">')
    expect(looked.html).toContain('<span data-pagefind-filter="group:2022"></span>')
    expect(rewritePageForIndex(page, null).html).not.toContain('group:')
  })
  it('reads captured meta from a copy of the text, commas and all', () => {
    expect(looked.html).toContain('data-pagefind-meta="title[data-pagefind-twin-title]"')
    expect(looked.html).toContain('data-pagefind-twin-title="营商环境, 报告"')
  })
  it('changes the digest when the shown text changes, even if the words do not', () => {
    const digest = (html: string): string | undefined => /digest:([0-9a-f]+)/.exec(rewritePageForIndex(html, null).html)?.[1]
    expect(digest('<main data-pagefind-body><p>甲乙。</p></main>')).not.toBe(digest('<main data-pagefind-body><p>甲乙！</p></main>'))
  })
  it('loses no character of the indexed text of real report pages', async () => {
    const pages = [...fixturePages.map(makeReportPage), ...(await builtReportPages())]
    for (const html of pages) {
      const { content } = rewritePageForIndex(html, null)
      expect(content.replaceAll(blockBreak, '').replace(/\s+/g, '')).toBe(indexedText(html).replace(/\s+/g, ''))
    }
  })
})

const parser = unified().use(rehypeParse)

/** The text Pagefind would index: the `data-pagefind-body` element without its ignored parts. */
function indexedText(html: string): string {
  const tree = parser.parse(html)
  type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] }
  const find = (node: Node): Node | null => {
    if (node.properties?.['dataPagefindBody'] !== undefined) return node
    for (const child of node.children ?? []) {
      const found = find(child)
      if (found) return found
    }
    return null
  }
  const strip = (node: Node): void => {
    if (!node.children) return
    node.children = node.children.filter((child) => !(child.type === 'element' && child.properties?.['dataPagefindIgnore'] !== undefined))
    for (const child of node.children) strip(child)
  }
  const body = find(tree as Node)
  if (!body) return ''
  strip(body)
  return toText(body as Parameters<typeof toText>[0])
}

/** Report pages of a site built earlier in this working tree, if any (the fixtures alone cover the shape). */
async function builtReportPages(): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, '../../_site/reports')
  const files = await readdir(root, { recursive: true }).catch(() => [])
  const pages = files.filter((file) => file.endsWith('index.html')).slice(0, 8)
  return Promise.all(pages.map((file) => readFile(path.join(root, file), 'utf8')))
}
