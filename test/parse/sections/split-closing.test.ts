import { describe, expect, it } from 'vitest'
import { splitClosing } from '../../../src/parse/sections/split-closing.ts'
import { splitLines } from '../../../src/parse/lines/split-lines.ts'

const closingOf = (text: string): string[] => splitClosing(splitLines(text)).closing.map((line) => line.text)

describe('splitClosing', () => {
  it('splits off agency and date lines in any written form', () => {
    expect(closingOf('正文。\n某县人民政府\n2023年2月2日')).toEqual(['某县人民政府', '2023年2月2日'])
    expect(closingOf('正文。\n中共某县委 某县人民政府\n二〇二三年三月十日')).toEqual(['中共某县委 某县人民政府', '二〇二三年三月十日'])
    expect(closingOf('正文。\n（2023年3月）')).toEqual(['（2023年3月）'])
    expect(closingOf('正文。\n某市司法局\n（此件公开发布）')).toEqual(['某市司法局', '（此件公开发布）'])
  })

  it('splits off a signature run into its date on one line', () => {
    expect(closingOf('正文。\n天津市河西区人民政府2024年1月26日')).toEqual(['天津市河西区人民政府2024年1月26日'])
    expect(closingOf('正文。\n某县司法局二〇二四年一月五日')).toEqual(['某县司法局二〇二四年一月五日'])
    expect(closingOf('正文。\n全年共召开会议十次，最近一次在2024年1月26日')).toEqual([])
  })

  it('leaves a report without a signature alone', () => {
    expect(closingOf('正文。\n（四）持续推进数字法治政府建设\n推进数据共享。')).toEqual([])
    expect(closingOf('正文。\n（此件公开发布）')).toEqual([])
  })
})

describe('splitClosing: attachment lists', () => {
  it('takes an attachment list after the signature into the closing', () => {
    expect(closingOf('正文。\n某县人民政府\n2023年2月2日\n附件：1.法治政府建设工作台账\n2.重大行政决策事项目录'))
      .toEqual(['某县人民政府', '2023年2月2日', '附件：1.法治政府建设工作台账', '2.重大行政决策事项目录'])
  })

  it('takes an attachment list before the signature into the closing', () => {
    expect(closingOf('正文。\n附件：\n1. 法治政府建设工作台账\n2. 重大行政决策事项目录\n某县人民政府\n2023年2月2日'))
      .toEqual(['附件：', '1. 法治政府建设工作台账', '2. 重大行政决策事项目录', '某县人民政府', '2023年2月2日'])
  })

  it('keeps numbered items that are not under 附件 in the body', () => {
    expect(closingOf('正文。\n1. 加强法治培训\n2. 推进执法规范化\n某县人民政府\n2023年2月2日')).toEqual(['某县人民政府', '2023年2月2日'])
  })
})
