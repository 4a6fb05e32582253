import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/parse/index.ts'
import { bodyText } from '../../src/parse/lines/prepare-body.ts'
import type { RawReport, Section } from '../../src/types.ts'

const raw = (text: string, file = 'test.txt'): RawReport =>
  ({ file, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), text, overrides: {} })

const flatten = (sections: readonly Section[]): string =>
  sections.map((section) => (section.number ?? '') + (section.heading ?? '') + section.paragraphs.join('') + flatten(section.children)).join('')

const squeeze = (text: string): string => text.replace(/\s+/g, '')

const filler = '我局坚持以习近平法治思想为指导，深入推进法治政府建设，严格规范公正文明执法，全面提升依法行政水平。'

describe('parseReport', () => {
  it('refuses text that is only furniture with one error naming the file', () => {
    const result = parseReport(raw('当前位置：首页 > 政务公开\n字号：大 中 小\n【打印本页】【关闭窗口】\n', 'a/empty.txt'))
    expect(result.value).toBeNull()
    expect(result.messages).toEqual([expect.objectContaining({ file: 'a/empty.txt', ruleId: 'empty', severity: 'error' })])
  })

  it('takes the date under the title as the publication date', () => {
    const report = parseReport(raw(`某县人民政府关于2023年度法治政府建设情况的报告\n（二〇二四年二月二十日）\n${filler}\n一、主要举措和成效\n${filler}`)).value
    expect(report?.published).toBe('2024-02-20')
    expect(flatten(report?.sections ?? [])).not.toContain('二〇二四')
  })

  it('reads the signature above an attachment list that ends the report', () => {
    const report = parseReport(raw(`某县人民政府2022年度法治政府建设情况报告\n${filler}\n一、主要举措和成效\n${filler}\n某县人民政府\n2023年3月1日\n附件：1.工作台账\n2.决策事项目录`)).value
    expect(report?.sections.at(-1)?.kind).toBe('closing')
    expect([report?.agency.name, report?.published]).toEqual(['某县人民政府', '2023-03-01'])
  })

  it('refuses text without Chinese', () => {
    const result = parseReport(raw('Annual report\nAll good.\n'))
    expect(result.value).toBeNull()
    expect(result.messages.map((message) => message.ruleId)).toEqual(['no-cjk'])
  })

  it('refuses too little Chinese text to be a report', () => {
    const result = parseReport(raw('一、法治政府建设\n工作正常。\n'))
    expect(result.value).toBeNull()
    expect(result.messages.map((message) => message.ruleId)).toEqual(['not-a-report'])
  })

  it('refuses Chinese text that is not about the rule of law', () => {
    const result = parseReport(raw('春天来了，小草从土里钻出来，嫩嫩的，绿绿的。园子里，田野里，瞧去，一大片一大片满是的。坐着，躺着，打两个滚，踢几脚球，赛几趟跑，捉几回迷藏。风轻悄悄的，草软绵绵的。'))
    expect(result.value).toBeNull()
    expect(result.messages.map((message) => message.ruleId)).toEqual(['not-a-report'])
  })

  it('reports warnings with their file and line', () => {
    const result = parseReport(raw(`${filler}\n一、主要举措和成效\n${filler}\n三、存在的不足和原因\n${filler}\n`, 'x/skip.txt'))
    const skip = result.messages.find((message) => message.ruleId === 'heading-number-skip')
    expect(skip).toMatchObject({ file: 'x/skip.txt', line: 4, severity: 'warning' })
    expect(result.value?.warnings).toContain(`${skip?.reason} [heading-number-skip]`)
  })

  it('gives every section a unique anchor starting with its own kind', () => {
    const text = [filler, '一、主要举措和成效', '（一）党政主要负责人履行推进法治建设第一责任人职责', filler, '（二）依法行政', filler,
      '二、主要举措和成效', filler, '三、存在的不足和原因', filler, '四、下一年度主要安排', '1、加强学习', filler].join('\n')
    const sections = parseReport(raw(text)).value?.sections ?? []
    const anchors: string[] = []
    const walk = (section: Section): void => {
      anchors.push(section.anchor)
      expect(section.anchor.startsWith(section.kind)).toBe(true)
      expect(section.anchor).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(section.anchor).not.toMatch(/-p\d+$/)
      section.children.forEach(walk)
    }
    sections.forEach(walk)
    expect(new Set(anchors).size).toBe(anchors.length)
    expect(anchors).toEqual(['preamble', 'achievements', 'leadership', 'achievements-2', 'achievements-part-2',
      'shortcomings', 'plans', 'plans-1'])
  })

  // Finishing at all is the point: a quadratic step would hang here. Speed is measured by `npm run bench`.
  it('parses a 20 MB report and a 3-million-character line of punctuation', () => {
    const block = ['一、主要举措和成效', '（一）强化法治宣传。一是制定计划。', filler.repeat(20), '1、加强学习', ')深入推进改革',
      '推进法治建设存在不足及原因', '字号：大 中 小', '二是'.repeat(50)].join('\n')
    const text = `${filler}\n${block.repeat(Math.ceil(20_000_000 / block.length))}`
    const result = parseReport(raw(text))
    expect(result.value?.sections.filter((section) => section.kind === 'shortcomings').length).toBeGreaterThan(1)
    const long = `${filler}\n${'，'.repeat(2_000_000)}来源：${' '.repeat(1_000_000)}x\n`
    expect(() => parseReport(raw(long))).not.toThrow()
  }, 120_000)
})

describe('parseReport property', () => {
  const spaces = fc.constantFrom(' ', '\u00a0', '\u3000', '\t', '\u2002', '\u200b', '')
  const headings = fc.constantFrom('一、', '二、', '三、', '（一）', '(二)', '1、', '2.', '3．', '（1）', '(2)', ')', '）', '、', '第一部分',
    '①', '十二、', '')
  const words = fc.constantFrom('主要举措和成效', '存在的不足和原因', '下一年度主要安排', '党政主要负责人履行推进法治建设第一责任人职责',
    '工作成效', '存在问题', '下一步工作安排', '2024年工作计划', '依法行政', '法治宣传教育', '一是加强学习', '二是完善制度', '取得了一定成效，但也存在一些问题和不足，主要是：',
    '2024年，我们将重点做好以下工作：', '。', '：', '，', '；', '市人大常委会：', '某市人民政府', '2023年2月2日', '二〇二三年三月十日', '附件')
  const furniture = fc.constantFrom('当前位置：首页 > 政务公开', '字号：大 中 小', '【打印本页】【关闭窗口】', '浏览次数：12', '来源：某市人民政府',
    '发布时间：2023-03-14 15:35', '上一篇：某报告', '主办单位：某局', '网站标识码：123', '津ICP备0900号', '版权所有', '扫一扫在手机打开当前页',
    '相关链接', '附件：台账.xlsx', '某市2022年法治政府建设情况报告', '2023-03-14')
  const line = fc.oneof(
    fc.tuple(spaces, headings, words, words, spaces).map((parts) => parts.join('')),
    fc.tuple(spaces, furniture, spaces).map((parts) => parts.join('')),
    fc.string({ maxLength: 30 }),
    fc.constant(''),
    fc.constant(filler),
  )
  const documents = fc.oneof(fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n')), fc.string({ maxLength: 300 }),
    fc.array(line, { maxLength: 40 }).map((lines) => `${filler}\n${lines.join('\r\n')}`))

  it('never throws and keeps every body character exactly once, in order', () => {
    fc.assert(fc.property(documents, (text) => {
      const result = parseReport(raw(text))
      if (result.value === null) {
        expect(result.messages).toHaveLength(1)
        return
      }
      expect(squeeze(flatten(result.value.sections))).toBe(squeeze(bodyText(raw(text))))
    }), { numRuns: 400 })
  })
})
