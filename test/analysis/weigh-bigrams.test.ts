import { describe, expect, it } from 'vitest'
import { bigramsOf, contributionOf, createBigramCounts, weightsOf } from '../../src/analysis/weigh-bigrams.ts'

describe('bigram counts', () => {
  const passages = ['推进依法行政', '推进智慧矫正', '智慧矫正指挥中心', '依法行政考核'].map((text) => bigramsOf(text))

  it('count each passage holding a bigram once, report by report, and take a report away again', () => {
    const counts = createBigramCounts()
    const first = contributionOf(passages.slice(0, 2))
    const second = contributionOf(passages.slice(2))
    counts.add(first, 1)
    counts.add(second, 1)
    const [push, smart] = ['推进', '智慧'].map((text) => bigramsOf(text)[0] ?? 0)
    expect([counts.passages(), counts.count(push ?? 0), counts.count(smart ?? 0)]).toEqual([4, 2, 2])
    counts.add(first, -1)
    const alone = createBigramCounts()
    alone.add(second, 1)
    expect(counts.total()).toEqual(alone.total())
    // Started from what was kept, the same counts.
    expect(createBigramCounts(alone.total()).total()).toEqual(alone.total())
  })

  it('settle every count at which both weights are 0 to one value, and keep the others apart', () => {
    for (const total of [3, 12, 150, 4000]) {
      const bigrams = Uint32Array.from({ length: total + 3 }, (_, index) => index + 1)
      const counts = Uint32Array.from(bigrams, (_, index) => index)
      const weights = weightsOf(createBigramCounts({ passages: total, bigrams, counts }))
      const seen = new Map<number, [number, number]>()
      for (const bigram of bigrams) {
        const both: [number, number] = [weights.weight(bigram), weights.weight(bigram, 1)]
        const settled = weights.settled(bigram)
        expect(seen.get(settled) ?? both).toEqual(both)
        seen.set(settled, both)
      }
      // Only the counts weighing nothing share a value.
      expect(seen.size).toBeLessThan(bigrams.length)
      expect([...seen.values()].filter(([weight, leftOut]) => weight > 0 || leftOut > 0).length).toBe(seen.size - 1)
    }
  })
})
