import { describe, expect, it } from 'vitest'
import { compareYears } from '../../src/analysis/index.ts'
import { composeText, reportOf } from './analysis-helpers.ts'

const shortcomings = ['一是基层执法人员法律素养有待提高，执法不规范的问题仍有发生。', '二是法治宣传教育的针对性和实效性还不够强。']

describe('compareYears', () => {
  it('diffs each part and flags nothing when shortcomings are rewritten', () => {
    const before = reportOf('2022-a', composeText('甲县司法', 2022, { shortcomings }))
    const after = reportOf('2023-a', composeText('甲县司法', 2023, { shortcomings: ['乡镇司法所人员不足，城关镇司法所仅有2人。'] }))
    const change = compareYears(before, after).find((part) => part.kind === 'shortcomings')
    expect(change?.same).toBeLessThan(0.5)
  })

  it('reports shortcomings nearly the same as last year’s with the words changed marked', () => {
    const before = reportOf('2022-a', composeText('甲县司法', 2022, { shortcomings }))
    const after = reportOf('2023-a', composeText('甲县司法', 2023, { shortcomings: [shortcomings[0] ?? '', '二是法治宣传教育的针对性和实效性还需加强。'] }))
    const change = compareYears(before, after).find((part) => part.kind === 'shortcomings')
    expect(change?.same).toBeGreaterThanOrEqual(0.8)
    expect(change?.runs?.filter(([op]) => op === 1).map(([, text]) => text).join('')).toContain('需加强')
    expect(change?.runs?.filter(([op]) => op === -1).map(([, text]) => text).join('')).toContain('不够强')
  })
})
