import { describe, expect, it } from 'vitest'
import { decodeEntities } from '../../src/search/decode-entities.ts'

describe('decodeEntities', () => {
  it('decodes the named references our HTML uses and numeric ones, once', () => {
    expect(decodeEntities('a&amp;b &lt;条例&gt; &quot;x&quot; &#39;y&#x27; &nbsp;')).toBe(`a&b <条例> "x" 'y' ${' '}`)
    expect(decodeEntities('&amp;lt;')).toBe('&lt;')
  })
  it('leaves unknown names and impossible code points as written', () => {
    expect(decodeEntities('&copy2; &#x110000; & 法')).toBe('&copy2; &#x110000; & 法')
  })
})
