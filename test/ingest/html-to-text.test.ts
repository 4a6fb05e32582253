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

describe('htmlToText container choice', () => {
  it('believes a known container even when its text is short', () => {
    const html = '<body><div class="crumbs">当前位置：首页 政务公开 部门文件 通知公告</div><div class="TRS_Editor"><p>报告正文</p></div></body>'
    expect(htmlToText(html).text).toBe('报告正文')
  })

  it('keeps a metadata table before the article, one row per line', () => {
    const html = '<table class="xxgk"><tr><td>索引号：</td><td>000-2024-01</td><td>发布机构：</td><td>某县司法局</td></tr><tr><td>成文日期：</td><td>2024-01-20</td></tr></table><div id="UCAP-CONTENT"><p>一、主要举措和成效</p></div>'
    expect(htmlToText(html).text).toBe('索引号： 000-2024-01 发布机构： 某县司法局\n成文日期： 2024-01-20\n一、主要举措和成效')
  })
})

describe('htmlToText title and byline', () => {
  const sidebar = `<div class="content-right"><ul>${Array.from({ length: 12 }, (_, index) => `<li><a href="/${index}">关于做好第${index}批政府信息公开工作的通知</a></li>`).join('')}</ul></div>`
  const body = '<p>全面推进依法行政，加快建设法治政府。</p>'.repeat(3)

  it('takes the title from a title-classed block, not from a site-logo `<h1>` link', () => {
    const html = `<h1><a href="/">某市人民政府门户网站</a></h1><div class="article"><div class="article-title"><h2>某区2023年度法治政府建设工作报告</h2></div><div class="article-info"><span>信息来源：区司法局</span><span>发布时间：2024-01-05</span><span>字号：[大][中][小]</span></div><div class="article-content">${body}</div></div>${sidebar}`
    expect(htmlToText(html).text.split('\n').slice(0, 3)).toEqual([
      '某区2023年度法治政府建设工作报告',
      '信息来源：区司法局 发布时间：2024-01-05',
      '全面推进依法行政，加快建设法治政府。',
    ])
  })

  it('takes the title from a table cell that reads like a report title, not from a title-classed menu caption or a breadcrumb', () => {
    const html = `<table><tr><td class="lefttitle">政务公开</td></tr></table><table><tr><td><font size="5"><b>某区人民政府关于2017年法治政府建设工作情况的报告</b></font></td></tr><tr><td>当前位置：<a href="/">首页</a> &gt; 某区人民政府关于2017年法治政府建设工作情况的报告</td></tr><tr><td>发布时间：2018-02-06 来源：区法制办</td></tr><tr><td class="content">${body}</td></tr></table>`
    expect(htmlToText(html).text.split('\n').slice(0, 3)).toEqual([
      '某区人民政府关于2017年法治政府建设工作情况的报告',
      '发布时间：2018-02-06 来源：区法制办',
      '全面推进依法行政，加快建设法治政府。',
    ])
  })

  it('joins a title that `<br>` breaks inside `<h1>` with no space between Chinese characters', () => {
    const html = `<h1>某某盟行政公署<br>2019年法治政府建设情况报告</h1><div id="zoom">${body}</div>`
    expect(htmlToText(html).text.split('\n')[0]).toBe('某某盟行政公署2019年法治政府建设情况报告')
  })

  it('keeps a table whose cells wrap their text in `<p>` one line per row, but a lone cell’s paragraphs one per line', () => {
    const html = `<div id="zoom">${body}<table><tr><td><p>指标</p></td><td><p>2018年</p></td><td><p>2019年</p></td></tr><tr><td><p>行政处罚案件（件）</p></td><td><p>3120</p></td><td><p>3486<br>（含简易程序）</p></td></tr></table><table><tr><td>&nbsp;</td><td><p>某某盟行政公署</p><p>2020年3月12日</p></td></tr></table></div>`
    expect(htmlToText(html).text.split('\n').slice(3)).toEqual(['指标 2018年 2019年', '行政处罚案件（件） 3120 3486 （含简易程序）', '某某盟行政公署', '2020年3月12日'])
  })

  it('drops the title line when the article repeats it', () => {
    const html = `<h1>某县2022年法治政府建设情况报告</h1><div id="zoom"><p>某县2022年法治政府建设情况报告</p>${body}</div>`
    expect(htmlToText(html).text.split('\n')).toEqual(['某县2022年法治政府建设情况报告', ...Array.from({ length: 3 }, () => '全面推进依法行政，加快建设法治政府。')])
  })
})

describe('htmlToText duplicates', () => {
  it('keeps one copy of a title and byline the container repeats', () => {
    const html = '<h1>某县2022年法治政府建设情况报告</h1><p>发布日期：2023-01-09</p><div class="TRS_Editor"><p>某县2022年法治政府建设情况报告</p><p>发布日期：2023-01-09</p><p>一、主要举措</p></div>'
    expect(htmlToText(html).text).toBe('某县2022年法治政府建设情况报告\n发布日期：2023-01-09\n一、主要举措')
  })
})
