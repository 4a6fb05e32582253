import { describe, expect, it } from 'vitest'
import { inferMetadata } from '../../../src/parse/metadata/index.ts'

describe('inferMetadata speed', () => {
  // Unclosed brackets once made the year search quadratic: 300k characters of 《 took seconds, 20 MB took minutes.
  for (const unit of ['（依法行政', '“依法行政', '《依法行政', '〈依法行政']) {
    it(`reads an opening of 600,000 characters full of unclosed ${unit.charAt(0)} in linear time`, () => {
      const text = unit.repeat(600_000 / unit.length)
      const started = performance.now()
      const result = inferMetadata({ file: 'big.txt', title: null, fields: {}, hints: undefined, overrides: {},
        sections: [{ anchor: 'preamble', kind: 'preamble', number: null, heading: null, paragraphs: [text], children: [] }], text })
      expect(result.value?.year).toBeNull()
      // Linear takes about 0.1 s; the quadratic search took about 30 s.
      expect(performance.now() - started).toBeLessThan(5_000)
    })
  }
})
