import { describe, expect, it } from 'vitest'
import { classifyPart, namedKinds } from '../../../src/parse/kinds/classify-part.ts'

describe('classifyPart', () => {
  const cases: [string, string | null][] = [
    ['2022年法治政府建设主要举措和成效', 'achievements'], ['工作成效', 'achievements'], ['主要工作', 'achievements'],
    ['工作开展情况', 'achievements'], ['存在问题', 'shortcomings'], ['存在的不足和原因', 'shortcomings'], ['差距和短板', 'shortcomings'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', 'leadership'], ['法治建设第一责任人职责切实履行', 'leadership'],
    ['下一步工作安排', 'plans'], ['2023年工作计划', 'plans'], ['下一年度推进法治政府建设的主要安排', 'plans'], ['今后工作打算', 'plans'],
    ['存在的问题及下一步打算', 'shortcomings'], ['依法全面履行政府职能', null], ['原因分析', 'shortcomings'],
    ['存在问题的原因', 'shortcomings'], ['2022年主要工作安排', 'plans'], ['主要工作计划', 'plans'], ['黨政主要負責人履行推進法治建設第一責任人職責情況', 'leadership'],
  ]
  for (const [heading, kind] of cases) it(`reads ${heading} as ${kind}`, () => expect(classifyPart(heading)).toBe(kind))

  it('reads the year after the reported one as plans and the reported year as achievements', () => {
    expect(classifyPart('2024年重点', [], 2023)).toBe('plans')
    expect(classifyPart('2023年法治政府建设', [], 2023)).toBe('achievements')
  })

  it('reads the first sentence of an unheaded part', () => {
    expect(classifyPart(null, ['下一步，我们将重点做好以下工作：一是…'])).toBe('plans')
  })
})

describe('namedKinds', () => {
  it('lists every kind a combined heading names, in the order written', () => {
    expect(namedKinds('存在的不足和下一步工作打算')).toEqual(['shortcomings', 'plans'])
    expect(namedKinds('主要举措和成效')).toEqual(['achievements'])
    expect(namedKinds('依法全面履行政府职能')).toEqual([])
  })
})
