import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/bench/create-random.ts'
import { lcsLength } from '../../src/analysis/lcs-length.ts'
import { sharedCharsOf, sharedCharsOfCopy, sharedGrams, sharedGramsBoth } from '../../src/analysis/shared-grams.ts'

/** The textbook quadratic LCS, to hold the bit-parallel one against. */
function slowLcs(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!)
    }
  }
  return table[a.length]![b.length]!
}

describe('lcsLength', () => {
  it('counts a copy with one character changed', () => {
    expect(lcsLength('全面推行公示制度', '全面推进公示制度')).toBe(7)
  })

  it('agrees with the quadratic LCS on texts longer than one 32-bit word', () => {
    const text = fc.array(fc.constantFrom(...'法治政府建设行政执法监督'), { minLength: 0, maxLength: 90 }).map((chars) => chars.join(''))
    fc.assert(fc.property(text, text, (a, b) => lcsLength(a, b) === slowLcs(a, b)), { numRuns: 200 })
  })
})

describe('sharedGrams', () => {
  it('marks the stretches covered by 4-grams the other text holds', () => {
    expect(sharedGrams('甲乙丙丁戊己', '乙丙丁戊子')).toEqual([[1, 5]])
    expect(sharedGrams('甲乙丙', '甲乙丙')).toEqual([])
  })

  it('marks both texts in one pass as two calls would (sharedGramsBoth)', () => {
    expect(sharedGramsBoth('甲乙丙丁戊己', '乙丙丁戊子')).toEqual([[[1, 5]], [[0, 4]]])
    // Few distinct characters: repeated 4-grams, overlapping and touching runs.
    const text = fc.array(fc.constantFrom(...'法治政府建'), { minLength: 0, maxLength: 60 }).map((chars) => chars.join(''))
    fc.assert(fc.property(text, text, (a, b) => JSON.stringify(sharedGramsBoth(a, b)) === JSON.stringify([sharedGrams(a, b), sharedGrams(b, a)])), { numRuns: 300 })
  })

  it('counts what a copy shares without a table as the table does (sharedCharsOfCopy)', () => {
    expect(sharedCharsOfCopy('甲乙丙')).toBe(0)
    expect(sharedCharsOfCopy('甲乙丙丁')).toBe(4)
    const text = fc.array(fc.constantFrom(...'法治政府建'), { minLength: 0, maxLength: 60 }).map((chars) => chars.join(''))
    fc.assert(fc.property(text, (a) => sharedCharsOfCopy(a) === sharedCharsOf(a)(a)), { numRuns: 300 })
  })
})

describe('sharedGrams on long texts', () => {
  it('marks a shared run inside texts longer than its first table', () => {
    const filler = (seed: number) => {
      const random = createRandom(seed)
      return Array.from({ length: 3000 }, () => String.fromCharCode(0x4e00 + random.int(0, 20000))).join('')
    }
    const shared = '深化行政执法体制改革'
    const ranges = sharedGrams(`${filler(1)}${shared}`, `${shared}${filler(2)}`)
    expect(ranges).toContainEqual([3000, 3010])
    const [a, b] = [`${filler(1)}${shared}`, `${shared}${filler(2)}${shared}`]
    expect(sharedGramsBoth(a, b)).toEqual([sharedGrams(a, b), sharedGrams(b, a)])
  })
})
