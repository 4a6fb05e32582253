import { describe, expect, it } from 'vitest'
import { agencyOfId, createReuseMemo, findReuse } from '../../src/analysis/index.ts'
import { spillKeys } from '../../src/build/spilled-keys.ts'
import { composeText, reportOf } from '../analysis/analysis-helpers.ts'

describe('keys kept in a temporary file', () => {
  it('reads back any stretch of units, each of its width', () => {
    const keys = Uint32Array.from({ length: 3 * 100_000 }, (_, index) => (index * 2_654_435_761) >>> 0)
    const read = spillKeys(keys, 3)
    if (!read) throw new Error('no temporary file')
    expect(read(0, 100_000)).toEqual(keys)
    expect(read(7, 11)).toEqual(keys.subarray(21, 33))
    expect(read(5, 5)).toEqual(new Uint32Array(0))
    expect(() => read(99_999, 100_001)).toThrow(/分段键文件不完整/)
  })

  it('gives the reuse the same findings and memo as keys kept in memory', () => {
    const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
    const reports = ['a', 'b', 'c', 'd'].map((slug) => reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { achievements: [copied, `${slug}县推进证明事项告知承诺制改革，${slug.repeat(5)}。`] })))
    const run = (spill: boolean) => {
      const kept = { keyOf: (report: { id: string }) => report.id, earlier: createReuseMemo(), now: createReuseMemo() }
      const found = findReuse(reports, { agencyOf: agencyOfId, kept, ...(spill ? { spillBands: spillKeys } : {}) })
      return { found, units: [...kept.now.units].map(([key, units]) => [key, { ...units }]) }
    }
    const inMemory = run(false)
    const spilled = run(true)
    expect(spilled.units).toEqual(inMemory.units)
    expect(spilled.units.some(([, units]) => typeof units === 'object' && units.bandKeys.length > 0)).toBe(true)
    expect(spilled.found).toEqual(inMemory.found)
  })
})
