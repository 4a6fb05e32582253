import { describe, expect, it } from 'vitest'
import { foldOnly, foldPassage } from '../../src/analysis/index.ts'

/** Each folded unit's source stretch, folded on its own, holds that unit. */
function expectOffsetsMapBack(text: string): void {
  const { folded, starts, ends } = foldPassage(text)
  expect(starts.length).toBe(folded.length)
  for (let unit = 0; unit < folded.length; unit++) {
    expect(foldOnly(text.slice(starts[unit], ends[unit]))).toContain(folded[unit])
  }
}

describe('foldPassage', () => {
  it('folds as the search does and maps each folded unit back to the character it came from', () => {
    expect(foldPassage('羅店鎮，（一）')).toEqual({ folded: '罗店镇一', starts: Int32Array.from([0, 1, 2, 5]), ends: Int32Array.from([1, 2, 3, 6]) })
    expect(foldPassage('ＡＢＣ').folded).toBe('abc')
  })

  it('gives a character that folds to several units (NFKC) and a surrogate pair the whole character as their source', () => {
    expect(foldPassage('㍻元年')).toEqual({ folded: '平成元年', starts: Int32Array.from([0, 0, 1, 2]), ends: Int32Array.from([1, 1, 2, 3]) })
    expect(foldPassage('𠀀甲')).toEqual({ folded: '𠀀甲', starts: Int32Array.from([0, 0, 2]), ends: Int32Array.from([2, 2, 3]) })
  })

  it('agrees with foldOnly on long texts whose expansions outgrow the buffers', () => {
    // Past the shared buffer's first size (4,096 units), with expansions and surrogates throughout.
    const text = Array.from({ length: 3000 }, (_, index) => ['㍻', '甲，', '𠀀', 'Ａ', '㍻乙'][index % 5]).join('')
    expect(foldPassage(text).folded).toBe(foldOnly(text))
    expect(foldPassage(text).folded.length).toBeGreaterThan(text.length)
    expectOffsetsMapBack(text)
  })
})
