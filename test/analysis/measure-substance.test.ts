import { describe, expect, it } from 'vitest'
import { measureTexts } from '../../src/analysis/index.ts'

describe('measureTexts', () => {
  it('counts numbers with units, cases and documents per 1,000 characters', () => {
    const metrics = measureTexts(['办理行政复议案件35件，纠错率12.5%，挽回损失120万元。', '发布《行政执法典型案例汇编》，通报“张某诉某局案”等3个案例。'], false)
    expect(metrics.figures).toBe(4)
    expect(metrics.namedCases).toBe(3)
    expect(metrics.figuresPerThousand).toBeCloseTo((4 / metrics.chars) * 1000, 0)
    expect(metrics.specificShare).toBeNull()
  })

  it('gives shortcomings the share of sentences naming a unit, a number or a cause', () => {
    const metrics = measureTexts(['法治意识有待进一步提高。工作机制还不够完善。城关镇司法所仅有2名工作人员。由于经费不足，培训覆盖面不广。'], true)
    expect(metrics.specificShare).toBe(0.5)
  })
})
