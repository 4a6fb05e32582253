import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import rehypeParse from 'rehype-parse'
import { toText } from 'hast-util-to-text'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { segmentPage, wordBreak } from '../../src/search/index.ts'
import { fixturePages } from './fixture-pages.ts'
import { makeReportPage } from './make-report-page.ts'

const page = `<!doctype html><html lang="zh-CN"><head><title>标题</title><script>var a = "<p>法治</p>"</script></head><body><article data-pagefind-body>
<h1 data-pagefind-meta="title">营商环境, 报告</h1>
<div hidden data-pagefind-ignore><span data-pagefind-filter="province">天津市</span><br><p>不<b>分</b>词</p></div>
<section><h2 id="achievements-1">优化营商环境</h2><p id="achievements-1-p1" data-id="k">2020年推进a&amp;b &lt;条例&gt;<img src="x.png" alt="图片">依法</p></section>
</article></body></html>`

describe('segmentPage', () => {
  const twin = segmentPage(page)
  it('splits every Han character of the indexed text into its own word', () => {
    expect(twin).toContain(`<h2 id="achievements-1">${['优', '化', '营', '商', '环', '境'].join(wordBreak)}</h2>`)
    expect(twin).toContain(`2020${wordBreak}年${wordBreak}推${wordBreak}进${wordBreak}a&amp;b &lt;条${wordBreak}例&gt;<img src="x.png" alt="图片">依${wordBreak}法`)
  })
  it('keeps heading ids for sub-results and drops the others, which Pagefind would store with their text', () => {
    expect(twin).toContain('<h2 id="achievements-1">')
    expect(twin).toContain('<p data-id="k">2020')
  })
  it('keeps filter values, ignored parts, scripts and the page language as written', () => {
    expect(twin).toContain('<span data-pagefind-filter="province">天津市</span><br><p>不<b>分</b>词</p></div>')
    expect(twin).toContain('<script>var a = "<p>法治</p>"</script>')
    expect(twin).toContain('<html lang="zh-CN">')
  })
  it('reads captured meta from an unsegmented copy, commas and all', () => {
    expect(twin).toContain('data-pagefind-meta="title[data-pagefind-twin-title]"')
    expect(twin).toContain('data-pagefind-twin-title="营商环境, 报告"')
  })
  it('changes nothing but word breaks in the text of real report pages', async () => {
    const pages = [...fixturePages.map(makeReportPage), ...(await builtReportPages())]
    for (const html of pages) {
      const twin = segmentPage(html)
      expect(textOf(twin).replaceAll(wordBreak, '')).toBe(textOf(html))
      // Two Han characters side by side in one text node would be one word to Pagefind.
      expect(textOf(twin, '[data-pagefind-ignore]')).not.toMatch(/\p{Script=Han}\p{Script=Han}/u)
    }
  })
})

const parser = unified().use(rehypeParse)

/** The indexed article's text as a browser would read it; optionally without ignored parts. */
function textOf(html: string, without?: string): string {
  const tree = parser.parse(html)
  const strip = (node: { children?: unknown[] }): void => {
    if (!node.children) return
    node.children = node.children.filter((child) => {
      const element = child as { type: string; properties?: Record<string, unknown> }
      return !(without && element.type === 'element' && element.properties?.['dataPagefindIgnore'] !== undefined)
    })
    for (const child of node.children) strip(child as { children?: unknown[] })
  }
  strip(tree as { children?: unknown[] })
  return toText(tree)
}

/** Report pages of a site built earlier in this working tree, if any (the fixtures alone cover the shape). */
async function builtReportPages(): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, '../../_site/reports')
  const files = await readdir(root, { recursive: true }).catch(() => [])
  const pages = files.filter((file) => file.endsWith('index.html')).slice(0, 8)
  return Promise.all(pages.map((file) => readFile(path.join(root, file), 'utf8')))
}
