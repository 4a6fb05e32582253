import { describe, expect, it } from 'vitest'
import { splitClosing } from '../../src/parse/split-closing.ts'
import { splitLines } from '../../src/parse/split-lines.ts'

const closingOf = (text: string): string[] => splitClosing(splitLines(text)).closing.map((line) => line.text)

describe('splitClosing', () => {
  it('splits off agency and date lines in any written form', () => {
    expect(closingOf('正文。\n某县人民政府\n2023年2月2日')).toEqual(['某县人民政府', '2023年2月2日'])
    expect(closingOf('正文。\n中共某县委 某县人民政府\n二〇二三年三月十日')).toEqual(['中共某县委 某县人民政府', '二〇二三年三月十日'])
    expect(closingOf('正文。\n（2023年3月）')).toEqual(['（2023年3月）'])
    expect(closingOf('正文。\n某市司法局\n（此件公开发布）')).toEqual(['某市司法局', '（此件公开发布）'])
  })

  it('leaves a report without a signature alone', () => {
    expect(closingOf('正文。\n（四）持续推进数字法治政府建设\n推进数据共享。')).toEqual([])
    expect(closingOf('正文。\n（此件公开发布）')).toEqual([])
  })
})
