import { describe, expect, it } from 'vitest'
import { splitLines } from '../../../src/parse/lines/split-lines.ts'
import { stripPageFurniture } from '../../../src/parse/lines/strip-page-furniture.ts'

const strip = (text: string) => stripPageFurniture(splitLines(text))
const bodyOf = (text: string): string[] => strip(text).body.map((line) => line.text)
/** What strip reads from a text: its fields and its body lines' text. */
const fieldsAndBody = (text: string) => ({ fields: strip(text).fields, body: bodyOf(text) })

describe('stripPageFurniture', () => {
  it('removes breadcrumbs, controls, counters, pager, footers and attachment links', () => {
    const furniture = ['您当前所在位置：首页 > 政务公开', '首页 >> 法治政府建设', '【字体：大 中 小】 【打印】 【关闭】', '字体大小 | 打印 | 关闭',
      '分享到：微信 微博 QQ空间', '浏览次数：1024', '上一篇：某某通知', '下一篇 某某公告', '网站地图 | 联系我们', 'Copyright © 2023 某市人民政府',
      '推荐使用1920*1080分辨率', '附件：法治政府建设台账.docx', '技术支持：某某公司']
    for (const line of furniture) expect(bodyOf(`正文第一句话。\n${line}\n正文第二句话。`), line).toEqual(['正文第一句话。', '正文第二句话。'])
  })

  it('removes site switches, QR prompts, visitor counters, hotlines and 》 breadcrumbs wherever they sit', () => {
    const furniture = ['无障碍浏览 | 长者模式 | 繁体版 | English', '扫一扫在手机上查看当前页面', '本页二维码', '【政府信息公开】目录',
      '您是第 1022345 位访问者', '今日访问量：123 总访问量：45678', '政务服务热线12345', '首页 》 政务公开 》 法治政府',
      '设为首页 | 加入收藏', '【收藏本页】', '（本文来源：某县司法局）']
    for (const line of furniture) expect(bodyOf(`正文第一句话。\n${line}\n正文第二句话。`), line).toEqual(['正文第一句话。', '正文第二句话。'])
  })

  it('keeps short body lines that only share a word with the furniture', () => {
    const body = ['目录', '(二)加强政府网站建设', '开通政务服务热线12345，全年受理诉求300件', '网站建设', '编辑印发普法读本']
    for (const line of body) expect(bodyOf(`正文第一句话。\n${line}\n正文第二句话。`), line).toEqual(['正文第一句话。', line, '正文第二句话。'])
  })

  it('removes the page numbers of a PDF copy but keeps numbers that are not pages', () => {
    for (const line of ['— 1 —', '- 12 -', '－3－', '第 3 页 共 5 页', '共5页 第3页', '第4页', '3/12', 'Page 2 of 9']) {
      expect(bodyOf(`正文第一句话。\n${line}\n正文第二句话。`), line).toEqual(['正文第一句话。', '正文第二句话。'])
    }
    for (const line of ['12/3', '2023', '— 一 —']) expect(bodyOf(`正文。\n${line}`), line).toEqual(['正文。', line])
  })

  // [what is read, text, fields read (among others), body lines' text]
  const readCases: [string, string, Record<string, string>, string[]][] = [
    ['a date alone under the title into 成文日期', '某县2023年度法治政府建设情况报告\n（2024年3月8日）\n2023年，我县依法行政。', { 成文日期: '2024年3月8日' }, ['2023年，我县依法行政。']],
    [
      'a line opening with a bare date and time before its labels, the date as 发布时间',
      '某厅2023年法治政府建设年度报告\n正文。\n2024-02-05 10:12　来源：本站　【字体：大 中 小】\n2024年，我厅将继续推进。',
      { 发布时间: '2024-02-05 10:12', 来源: '本站' },
      ['正文。', '2024年，我厅将继续推进。'],
    ],
    [
      'a WeChat byline as 发布时间 and drops the account header and footer',
      '原创 某某司法 某某司法 2021-02-03 17:30 发表于江西\n收录于合集 #法治政府建设 12个\n点击蓝字 关注我们\n正文。\n往期推荐\n某市召开述法评议会\n阅读原文\n阅读 1024\n分享 收藏 赞 在看',
      { 发布时间: '2021-02-03' },
      ['正文。'],
    ],
    [
      'WeChat credits written with 丨 or | as fields and drops arrows, END and 轻点两下 lines',
      '↑点击上方“某某司法”关注我们\n正文。\n- END -\n来源丨某某市司法局\n文字 | 张三\n终审：李四\n微信扫一扫关注该公众号\n，轻点两下取消赞\n点个“在看”，你最好看',
      { 来源: '某某市司法局' },
      ['正文。'],
    ],
  ]
  it.each(readCases)('reads %s', (_, text, fields, body) => {
    expect(fieldsAndBody(text)).toMatchObject({ fields, body })
  })

  it('keeps a sentence that opens with a credit word', () => {
    expect(bodyOf('正文。\n文字工作者要依法履职')).toEqual(['正文。', '文字工作者要依法履职'])
  })

  it('reads label: value lines into fields, padded labels included', () => {
    expect(fieldsAndBody('标　　题：某县2022年法治政府建设情况报告\n发文机关：某县人民政府　成文日期：2023-01-10\n索引号：000-2023-001\n正文。')).toEqual({
      fields: { 标题: '某县2022年法治政府建设情况报告', 发文机关: '某县人民政府', 成文日期: '2023-01-10', 索引号: '000-2023-001' },
      body: ['正文。'],
    })
  })

  it('keeps sentences and headings that mention furniture words', () => {
    const lines = ['资金来源：财政拨款，全部用于法治宣传。', '（二）强化技术支持', '推进打印、关闭等功能上线', '来源可靠的数据全部公开。']
    expect(bodyOf(lines.join('\n'))).toEqual(lines)
  })

  it('drops a link list after 相关链接 up to the next sentence', () => {
    expect(bodyOf('正文。\n相关链接\n某市人民政府\n某省司法厅\n')).toEqual(['正文。'])
  })

  it('finds the title, drops its repetitions and reads a header date and document number', () => {
    const result = strip('某区2021年度法治政府建设情况报告\n2022-02-11 10:00\n某政发〔2022〕3号\n某区2021年度法治政府建设情况报告\n正文。')
    expect(result.title).toEqual({ text: '某区2021年度法治政府建设情况报告', line: 1 })
    expect(result.fields).toEqual({ 发布时间: '2022-02-11 10:00', 文号: '某政发〔2022〕3号' })
    expect(result.body.map((line) => line.line)).toEqual([5])
  })

  it('joins a title broken over two lines', () => {
    expect(strip('某市人民政府关于2022年度法治政府建设\n情况的报告\n正文。').title?.text).toBe('某市人民政府关于2022年度法治政府建设情况的报告')
  })

  it('finds no title in a report that starts with its text', () => {
    expect(strip('2020年，某区坚持依法行政。\n一、工作成效').title).toBeNull()
  })
})

describe('stripPageFurniture above the title', () => {
  it('drops short navigation lines above a title and keeps the addressee below it', () => {
    const result = strip('首页\n政务公开\n法定主动公开内容\n某县2022年法治政府建设情况报告\n县人大常委会：\n正文。')
    expect(result.title?.text).toBe('某县2022年法治政府建设情况报告')
    expect(result.body.map((line) => line.text)).toEqual(['县人大常委会：', '正文。'])
  })
})
