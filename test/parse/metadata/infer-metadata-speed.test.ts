import { describe, expect, it } from 'vitest'
import { inferMetadata } from '../../../src/parse/metadata/index.ts'

describe('inferMetadata on long openings', () => {
  // Unclosed brackets once made the year search quadratic: 600k characters took about 30 s, 20 MB took minutes.
  // The per-test limit only stops a hang; speed is measured by `npm run bench`.
  for (const unit of ['（依法行政', '“依法行政', '《依法行政', '〈依法行政']) {
    it(`reads an opening of 600,000 characters full of unclosed ${unit.charAt(0)} without hanging`, () => {
      const text = unit.repeat(600_000 / unit.length)
      const result = inferMetadata({ file: 'big.txt', title: null, fields: {}, hints: undefined, overrides: {},
        sections: [{ anchor: 'preamble', kind: 'preamble', number: null, heading: null, paragraphs: [text], children: [] }], text })
      expect(result.value?.year).toBeNull()
    }, 20_000)
  }
})
