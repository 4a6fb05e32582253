import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinWrappedLines } from '../../../src/parse/lines/join-wrapped-lines.ts'
import { splitLines } from '../../../src/parse/lines/split-lines.ts'

const join = (text: string): string[] => joinWrappedLines(splitLines(text)).map((line) => line.text)

describe('joinWrappedLines', () => {
  it('leaves scraped text alone: unnumbered headings stay between their paragraphs', () => {
    const lines = ['推进法治政府建设的主要举措和成效', '持续优化法治化营商环境', `推进“证照分离”改革全覆盖，在全省率先实施“一业一证”改革，覆盖行业28个。`,
      '加强知识产权法治保障', '设立知识产权保护中心，开通专利快速预审通道，全年完成专利预审2860件。']
    expect(join(lines.join('\n'))).toEqual(lines)
  })

  it('joins lines broken at one width and keeps every character once', () => {
    const text = '2023年，我市坚持以习近平新时代中国特色社会主义思想为\n指导，深入贯彻党的二十大精神和习近平法治思想，全面落实\n省委、省政府关于法治政府建设的决策部署。\n一、主要举措和成效\n（一）优化营商环境。深化市场采购贸易方式试点，完善小商\n品数字自由贸易规则。'
    expect(join(text)).toEqual([
      '2023年，我市坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神和习近平法治思想，全面落实省委、省政府关于法治政府建设的决策部署。',
      '一、主要举措和成效', '（一）优化营商环境。深化市场采购贸易方式试点，完善小商品数字自由贸易规则。'])
  })

  it('never loses or repeats a character', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[法治政府建设一二、（）。，1\n ]{0,40}$/), { maxLength: 30 }), (parts) => {
      const text = parts.join('\n')
      const squeeze = (value: string): string => value.replace(/\s+/g, '')
      expect(squeeze(join(text).join(''))).toBe(squeeze(splitLines(text).map((line) => line.text).join('')))
    }))
  })
})
