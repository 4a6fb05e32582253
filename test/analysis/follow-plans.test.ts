import { describe, expect, it } from 'vitest'
import { agencyOfId, createFollowMemo, followPlans, splitPlanItems, type BigramContribution, type FollowKept, type FollowMemo } from '../../src/analysis/index.ts'
import type { Report } from '../../src/types.ts'
import { composeText, reportOf } from './analysis-helpers.ts'

const plans2022 = [
  '2023年，我局将重点做好以下工作：',
  '一是建设智慧矫正指挥中心，提升社区矫正监管水平；二是开展乡村法治带头人培育工程，切实提升基层依法治理能力；三是推行涉企行政检查扫码入企，减少对企业的干扰。',
]

function corpus() {
  return [
    reportOf('2022-a', composeText('甲县司法', 2022, { plans: plans2022 })),
    reportOf(
      '2023-a',
      composeText('甲县司法', 2023, {
        achievements: ['智慧矫正指挥中心建成投用，全县在册社区矫正对象全部纳入信息化监管。', '全年办理行政复议案件十五件。'],
        plans: ['一是继续推行涉企行政检查扫码入企制度；二是完善公共法律服务体系。'],
      }),
    ),
    reportOf('2022-b', composeText('乙县司法', 2022, { plans: plans2022 })),
  ]
}

describe('splitPlanItems', () => {
  it('splits 一是…二是… enumerations and skips the lead-in', () => {
    const items = splitPlanItems(corpus()[0] ?? (undefined as never))
    expect(items.map((item) => [item.anchor, item.item])).toEqual([['plans-p2', 1], ['plans-p2', 2], ['plans-p2', 3]])
    expect(items[1]?.text).toMatch(/^二是开展乡村法治带头人培育工程/)
  })
})

describe('followPlans', () => {
  it('finds follow-up in the next year’s achievements, a plan listed again, and a plan not found', () => {
    const items = followPlans(corpus(), agencyOfId).get('2022-a') ?? []
    expect(items.map((item) => item.status)).toEqual(['addressed', 'not-found', 'relisted'])
    expect(items[0]?.evidence[0]).toMatchObject({ id: '2023-a', anchor: 'achievements-p1' })
    expect(items[2]?.evidence.at(-1)?.anchor).toMatch(/^plans/)
  })

  it('checks no plans where the agency did not report on the next year', () => {
    const follow = followPlans(corpus(), agencyOfId)
    expect(follow.has('2022-b')).toBe(false)
    expect(follow.has('2023-a')).toBe(false)
  })
})

describe('followPlans with a memo', () => {
  const keyOf = (report: Report): string => JSON.stringify(report.sections)
  const contributions = new Map<string, BigramContribution>()
  const keptFrom = (earlier: FollowMemo): FollowKept => ({ keyOf, earlier, now: createFollowMemo(), contributionOf: (key) => contributions.get(key) })
  const run = (reports: readonly Report[], earlier: FollowMemo): FollowKept => {
    const kept = keptFrom(earlier)
    expect(followPlans(reports, agencyOfId, kept)).toEqual(followPlans(reports, agencyOfId))
    for (const [key, contribution] of kept.now.contributions) contributions.set(key, contribution)
    return kept
  }
  // 2023-a's achievements answer 2022-a's plans; an edit there changes the counts of its bigrams.
  const edited = corpus().map((report) =>
    report.id === '2023-a'
      ? reportOf('2023-a', composeText('甲县司法', 2023, { achievements: ['智慧矫正指挥中心建成投用，乡村法治带头人培育工程覆盖全部行政村。', '全年办理行政复议案件十五件。'], plans: ['一是继续推行涉企行政检查扫码入企制度；二是完善公共法律服务体系。'] }))
      : report,
  )

  it('finds what it finds without one, and from the memo it filled judges nothing anew', () => {
    contributions.clear()
    const first = run(corpus(), createFollowMemo())
    expect(first.now.contributions.size).toBe(3)
    expect(first.now.judged.size).toBe(1)
    const second = run(corpus(), first.now)
    // Nothing changed: nothing counted anew, every judgement kept.
    expect(second.now.contributions.size).toBe(0)
    expect(second.now.counts).toEqual(first.now.counts)
    for (const [key, judged] of second.now.judged) expect(first.now.judged.get(key)).toBe(judged)
  })

  it('after a report changed, takes its old contribution away and adds its new one: the counts are those counted afresh', () => {
    contributions.clear()
    const first = run(corpus(), createFollowMemo())
    const second = run(edited, first.now)
    expect([...second.now.contributions.keys()]).toEqual([keyOf(edited[1] as Report)])
    const fresh = keptFrom(createFollowMemo())
    followPlans(edited, agencyOfId, fresh)
    expect(second.now.counts).toEqual(fresh.now.counts)
    expect(second.now.counts).not.toEqual(first.now.counts)
    // 2022-a's items were judged against the new 2023-a.
    expect(first.now.judged.has([...second.now.judged.keys()][0] ?? '')).toBe(false)
  })

  it('counts afresh when a contribution to take away is no longer kept', () => {
    contributions.clear()
    const first = run(corpus(), createFollowMemo())
    contributions.clear()
    const second = run(edited, first.now)
    expect(second.now.contributions.size).toBe(3)
  })

  it('judges an item anew when the weight of one of its bigrams changed, though neither report did', () => {
    contributions.clear()
    const first = run(corpus(), createFollowMemo())
    // 2022-b plans otherwise, with as many passages: fewer passages hold 智慧矫正, so 2022-a's first item weighs otherwise.
    const other = ['2023年，我局将重点做好以下工作：', '一是建设行政复议服务中心，提升复议办案质量；二是开展法治乡村示范创建；三是推行包容审慎监管，减少对企业的干扰。']
    const changed = corpus().map((report) => (report.id === '2022-b' ? reportOf('2022-b', composeText('乙县司法', 2022, { plans: other })) : report))
    const second = run(changed, first.now)
    expect(second.now.counts?.passages).toBe(first.now.counts?.passages)
    expect(second.now.judged.size).toBe(1)
    expect(first.now.judged.has([...second.now.judged.keys()][0] ?? '')).toBe(false)
  })
})
