import { describe, expect, it } from 'vitest'
import { alignPassages } from '../../src/analysis/index.ts'

describe('alignPassages', () => {
  it('aligns a copy with one character changed and one dropped near its end', () => {
    const a = '全面推行行政执法公示制度执法全过程记录制度和重大执法决定法制审核制度'
    const b = '全面推进行政执法公示制度执法全过程记录制度和重大执法决定法制审核度'
    const alignment = alignPassages(a, b)
    // The changed character costs itself; the drop two characters from the end costs the last one too (a gap there scores less than stopping).
    expect(alignment.matches).toBe(a.length - 3)
    expect(alignment.runs.reduce((sum, [, , length]) => sum + length, 0)).toBe(alignment.matches)
  })

  it('finds a shared stretch inside longer unrelated text', () => {
    const alignment = alignPassages('甲乙丙丁戊己庚辛深化行政执法体制改革壬癸子丑', '子丑寅卯深化行政执法体制改革辰巳午未')
    expect(alignment.matches).toBe(10)
    expect([alignment.aStart, alignment.aEnd]).toEqual([8, 18])
    expect([alignment.bStart, alignment.bEnd]).toEqual([4, 14])
  })

  it('aligns nothing between texts with no character in common', () => {
    expect(alignPassages('甲乙丙', '丁戊己').matches).toBe(0)
  })
})
