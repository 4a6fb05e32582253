import { describe, expect, it } from 'vitest'
import { normaliseLine } from '../../../src/parse/lines/normalise-line.ts'
import { readHeadingNumber } from '../../../src/parse/headings/read-heading-number.ts'

const read = (line: string) => readHeadingNumber(normaliseLine(line))

describe('readHeadingNumber', () => {
  it('reads every numbering style with its rank and value', () => {
    expect(read('第二部分 工作成效')).toMatchObject({ style: 'chapter', rank: 0, ordinal: 2 })
    expect(read('十二、其他')).toMatchObject({ style: 'chinese', rank: 1, ordinal: 12, length: 3 })
    expect(read('四、2023年工作安排')).toMatchObject({ style: 'chinese', ordinal: 4 })
    expect(read('（ 三 ）强化监督')).toMatchObject({ style: 'paren-chinese', rank: 2, ordinal: 3, length: 5 })
    expect(read('1．修订制度')).toMatchObject({ style: 'arabic', rank: 3, ordinal: 1 })
    expect(read('（２）公开信息')).toMatchObject({ style: 'paren-arabic', rank: 4, ordinal: 2 })
    expect(read('③落实责任')).toMatchObject({ style: 'circled', rank: 5, ordinal: 3 })
  })

  it('does not read sentences, decimals or 一是 as numbers', () => {
    for (const line of ['一是加强学习', '1.5亿元用于建设', '2023年，我区', '一年来，我局', '十分重视']) expect(read(line), line).toBeNull()
  })

  it('reads 1、 before a year as a number, but not a list of months or days', () => {
    expect(read('1、2018年法治政府建设工作情况')).toMatchObject({ style: 'arabic', ordinal: 1, length: 2 })
    expect(read('4、2019年工作打算')).toMatchObject({ style: 'arabic', ordinal: 4 })
    for (const line of ['1、2月份全县受理案件', '3、12日召开会议', '1.25万件']) expect(read(line), line).toBeNull()
  })

  it('keeps normalised text the same length as the original', () => {
    const line = '（一）\u3000强化：学习，宣传；１２'
    expect(normaliseLine(line)).toBe('(一) 强化:学习,宣传;12')
    expect(normaliseLine(line)).toHaveLength(line.length)
  })
})
