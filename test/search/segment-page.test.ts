import { describe, expect, it } from 'vitest'
import { segmentPage, wordBreak } from '../../src/search/index.ts'

const page = `<!doctype html><html lang="zh-CN"><head><title>标题</title></head><body><article data-pagefind-body>
<h1 data-pagefind-meta="title">营商环境, 报告</h1>
<div hidden data-pagefind-ignore><span data-pagefind-filter="province">天津市</span></div>
<section><h2 id="achievements-1">优化营商环境</h2><p>2020年推进a&amp;b &lt;条例&gt;</p></section>
</article></body></html>`

describe('segmentPage', () => {
  const twin = segmentPage(page)
  it('splits every Han character of the indexed text into its own word', () => {
    expect(twin).toContain(`<h2 id="achievements-1">${['优', '化', '营', '商', '环', '境'].join(wordBreak)}</h2>`)
    expect(twin).toContain(`2020${wordBreak}年${wordBreak}推${wordBreak}进${wordBreak}a&#x26;b &#x3C;条${wordBreak}例>`)
  })
  it('keeps filter values and the page language as written', () => {
    expect(twin).toContain('<span data-pagefind-filter="province">天津市</span>')
    expect(twin).toContain('<html lang="zh-CN">')
  })
  it('reads captured meta from an unsegmented copy, commas and all', () => {
    expect(twin).toContain('data-pagefind-meta="title[data-pagefind-twin-title]"')
    expect(twin).toContain('data-pagefind-twin-title="营商环境, 报告"')
  })
})
