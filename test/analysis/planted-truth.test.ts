import { describe, expect, it } from 'vitest'
import { scoreAnalysis } from '../../src/bench/score-analysis.ts'

// The acceptance figures at small N; `npm run bench` prints them for a larger planted corpus.
describe('the analysis on a corpus with planted truth', () => {
  const scores = scoreAnalysis({ agencies: 20, seed: 3 })

  it('finds copied paragraphs with precision and recall ≥ 0.9, stock phrases not counted', () => {
    expect(scores.reuse.truth).toBeGreaterThan(20)
    expect(scores.reuse.precision).toBeGreaterThanOrEqual(0.9)
    expect(scores.reuse.recall).toBeGreaterThanOrEqual(0.9)
  })

  it('lists only true pairs with the shipped caps, and counts every paragraph’s sharing reports exactly', () => {
    expect(scores.reuseListed.precision).toBeGreaterThanOrEqual(0.9)
    expect(scores.reuseCounts.precision).toBeGreaterThanOrEqual(0.9)
    expect(scores.reuseCounts.recall).toBeGreaterThanOrEqual(0.9)
  })

  it('links plans to their follow-up with precision and recall ≥ 0.9', () => {
    expect(scores.followUp.truth).toBeGreaterThan(20)
    expect(scores.followUp.precision).toBeGreaterThanOrEqual(0.9)
    expect(scores.followUp.recall).toBeGreaterThanOrEqual(0.9)
    expect(scores.relisted.precision).toBeGreaterThanOrEqual(0.9)
    expect(scores.relisted.recall).toBeGreaterThanOrEqual(0.9)
  })
})
