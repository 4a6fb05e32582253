import { describe, expect, it } from 'vitest'
import { compareYears } from '../../src/analysis/index.ts'
import { holdRunsCompactly } from '../../src/analysis/compare-years.ts'
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

  it('marks only the words that changed, sentence by sentence, and its runs give back both texts', () => {
    const year = (count: number, plan: string): string[] => [
      `全年办理行政复议案件${count}件，同比增长12%。`,
      '一是基层执法人员法律素养有待提高；二是法治宣传教育的针对性和实效性还不够强。',
      plan,
    ]
    const before = reportOf('2022-a', composeText('甲县司法', 2022, { shortcomings: year(35, '下一步将加强执法监督。') }))
    const after = reportOf('2023-a', composeText('甲县司法', 2023, { shortcomings: year(41, '下一步将加强执法监督，推进严格规范公正文明执法。') }))
    const change = compareYears(before, after).find((part) => part.kind === 'shortcomings')
    const runs = change?.runs ?? []
    const text = (ops: number[]): string => runs.filter(([op]) => ops.includes(op)).map(([, value]) => value).join('')
    expect(text([0, -1])).toContain('全年办理行政复议案件35件')
    expect(text([0, 1])).toContain('全年办理行政复议案件41件')
    expect(text([0, 1]).endsWith('推进严格规范公正文明执法。')).toBe(true)
    expect(text([-1])).toBe('35')
    expect(text([1])).toBe('41，推进严格规范公正文明执法')
    // A heading whose last words changed: those words marked, not the line break after them.
    const renamed = reportOf('2023-a', composeText('甲县司法', 2023, { shortcomings: year(35, '下一步将加强执法监督。') }).replace('二、存在的不足和原因', '二、存在问题'))
    const heading = compareYears(before, renamed).find((part) => part.kind === 'shortcomings')?.runs ?? []
    expect(heading.filter(([op]) => op !== 0)).toEqual([[-1, '的不足和原因'], [1, '问题']])
    // Runs alternate: two of one kind in a row are one run.
    expect(runs.every(([op], index) => index === 0 || runs[index - 1]?.[0] !== op)).toBe(true)
  })
  it('holds a diff compactly with the same runs, fields and text, and leaves a change without a diff as it is', () => {
    const before = reportOf('2022-a', composeText('甲县司法', 2022, { shortcomings, plans: ['加强执法监督。'] }))
    const after = reportOf('2023-a', composeText('甲县司法', 2023, { shortcomings: [shortcomings[0] ?? '', '二是法治宣传教育的实效性还需加强。'], plans: ['全面推进严格规范公正文明执法，落实行政执法责任制。'] }))
    const changes = compareYears(before, after)
    const diffed = changes.find((change) => change.kind === 'shortcomings')
    if (!diffed?.runs) throw new Error('no diff')
    const held = holdRunsCompactly(diffed)
    expect(held).not.toBe(diffed)
    expect(held.runs).toEqual(diffed.runs)
    expect(Object.keys(held)).toEqual(Object.keys(diffed))
    expect(JSON.stringify(held)).toBe(JSON.stringify(diffed))
    const rewritten = changes.find((change) => change.runs === null)
    if (!rewritten) throw new Error('every part diffed')
    expect(holdRunsCompactly(rewritten)).toBe(rewritten)
  })
})
