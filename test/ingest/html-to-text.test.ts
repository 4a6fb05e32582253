import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../src/ingest/html-to-text.ts'

const page = (name: string): string => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8')

describe('htmlToText', () => {
  it('takes the article from a `.TRS_Editor` page and keeps its title and byline', () => {
    const lines = htmlToText(page('page-trs.html')).text.split('\n')
    expect(lines.slice(0, 4)).toEqual([
      '某市司法局2023年度法治政府建设情况报告',
      '发布时间：2024-02-18 09:30 来源：某市司法局',
      '　　2023年，市司法局在市委、市政府坚强领导下，全面贯彻落实党的二十大精神，法治政府建设取得新进展。现将有关情况报告如下。',
      '一、主要举措和成效',
    ])
    expect(lines.slice(-2)).toEqual(['某市司法局', '2024年2月18日'])
  })

  it('drops navigation, breadcrumbs, footers, related links and hidden text', () => {
    const { text } = htmlToText(page('page-trs.html'))
    for (const furniture of ['网站首页', '当前位置', '机构职能', '相关文章', '主办单位', 'ICP', '此段隐藏', '请启用脚本', '搜索', '脚本写入', '字号']) {
      expect(text).not.toContain(furniture)
    }
  })

  it('lets no script, handler or javascript: URL through, but keeps link text', () => {
    const { text } = htmlToText(page('page-trs.html'))
    expect(text).not.toMatch(/alert|onerror|javascript:|<|>/)
    expect(text).toContain('详见专题链接，开展“宪法进万家”活动120场。')
  })

  it('decodes entities and keeps no-break and ideographic spaces', () => {
    const { text } = htmlToText(page('page-trs.html'))
    expect(text).toContain('全年审查规范性文件\u00a036\u00a0件')
    expect(htmlToText('<p>A &amp; B &lt;b&gt; &#x6CD5;治</p>').text).toBe('A & B <b> 法治')
  })

  it('reads title, date and canonical address hints from the head', () => {
    expect(htmlToText(page('page-trs.html')).hints).toEqual({
      title: '某市司法局2023年度法治政府建设情况报告',
      published: '2024-02-18',
      url: 'https://www.example.gov.cn/zwgk/bmwj/202402/t20240218_1.html',
    })
    expect(htmlToText(page('page-dense.html')).hints).toEqual({
      title: '某镇人民政府关于2023年度法治政府建设工作情况的报告',
      published: '2024-01-30',
      url: 'http://www.example.gov.cn/xxgk/2024/0130/9.html',
    })
  })

  it('finds the article by text density when no known container exists', () => {
    const lines = htmlToText(page('page-dense.html')).text.split('\n')
    expect(lines[0]).toBe('2023年，我镇在县委、县政府的正确领导下，认真落实法治政府建设各项任务。')
    expect(lines).toHaveLength(6)
    expect(lines.join('\n')).not.toMatch(/镇情概况|乡村振兴工作动态|地址：|欢迎您/)
  })

  it('writes one block per line, cells separated by a space, with no blank lines', () => {
    const html = '<div id="zoom"><p>第一段</p><br><br><p></p><div>第二段<br>第三行</div><ul><li>甲</li><li>乙</li></ul><table><tr><td>项目</td><td> 数量 </td></tr></table></div>'
    expect(htmlToText(html).text).toBe('第一段\n第二段\n第三行\n甲\n乙\n项目 数量')
  })

  it('keeps an ASP.NET page whose whole body is one form, but drops a search form', () => {
    const paragraphs = Array.from({ length: 12 }, (_, index) => `<p>第${index + 1}项工作，依法推进行政执法规范化建设取得明显成效。</p>`).join('')
    const html = `<body><form id="form1"><div class="search"><form><input name="q">站内搜索</form></div><div id="main">${paragraphs}</div></form></body>`
    const { text } = htmlToText(html)
    expect(text.split('\n')).toHaveLength(12)
    expect(text).not.toContain('站内搜索')
  })
})
