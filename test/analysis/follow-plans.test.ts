import { describe, expect, it } from 'vitest'
import { agencyOfId, followPlans, splitPlanItems } from '../../src/analysis/index.ts'
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
