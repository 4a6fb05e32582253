import { describe, expect, it } from 'vitest'
import { readChineseNumber } from '../../../src/parse/metadata/chinese-number.ts'
import { isDateLine, parseDate } from '../../../src/parse/metadata/parse-date.ts'

describe('parseDate', () => {
  it.each([
    ['2023-03-14 15:35', '2023-03-14'],
    ['发布时间：2023年03月14日', '2023-03-14'],
    ['2023/3/14', '2023-03-14'],
    ['2023.03.14', '2023-03-14'],
    ['2023 年 2 月 2 日', '2023-02-02'],
    ['二〇二三年二月二日', '2023-02-02'],
    ['二〇二三年三月十日', '2023-03-10'],
    ['二○二三年十二月三十一日', '2023-12-31'],
    ['二〇二四年二月二十九日', '2024-02-29'],
    ['2024-03-27T16:51:00+08:00', '2024-03-27'],
  ])('reads %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected)
  })

  it.each(['2023-02-30', '二〇二三年二月二十九日', '2023-13-01', '今年以来', '2022年度'])('rejects %s', (text) => {
    expect(parseDate(text)).toBeNull()
  })
})

describe('isDateLine', () => {
  it('tells a signature date from a sentence with a date in it', () => {
    expect(isDateLine('2023年2月2日')).toBe(true)
    expect(isDateLine('  二〇二三年三月十日 ')).toBe(true)
    expect(isDateLine('2023年2月2日召开会议')).toBe(false)
  })
})

describe('readChineseNumber', () => {
  it('reads years digit by digit and months and days with 十', () => {
    expect(readChineseNumber('二〇二二')).toBe(2022)
    expect(readChineseNumber('十')).toBe(10)
    expect(readChineseNumber('十二')).toBe(12)
    expect(readChineseNumber('二十一')).toBe(21)
    expect(readChineseNumber('三十')).toBe(30)
    expect(readChineseNumber('年')).toBeNull()
  })
})
