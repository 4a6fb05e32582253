import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/ingest/decode-bytes.ts'
import { htmlToText } from '../../src/ingest/html-to-text.ts'
import { normaliseLineEndings } from '../../src/ingest/normalise-line-endings.ts'

const characters = [...'法治政府建设年度报告一二三（）、，。：“”；0123456789abcXYZ \n\u3000《》%—']
const reportText = fc.string({ unit: fc.constantFrom(...characters), minLength: 1, maxLength: 200 })
const visibleText = fc.string({ unit: fc.constantFrom(...characters.filter((character) => character.trim() !== '')), minLength: 1, maxLength: 80 })

describe('ingest properties', () => {
  it('round-trips report text through UTF-8 and BOM-marked UTF-16', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        expect(decodeBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' })
        expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' })
      }),
      { numRuns: 200 },
    )
  })

  it('normalising removes CRs and the leading BOM and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\r', '\n', '\uFEFF', '法', ' ', '\u3000', '\t') }), (text) => {
        const normalised = normaliseLineEndings(text)
        expect(normalised).not.toContain('\r')
        expect(normalised.replace(/\n/g, '')).toBe(text.replace(/^\uFEFF/, '').replace(/[\r\n]/g, ''))
        expect(normalised.split('\n')).toHaveLength(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length)
      }),
    )
  })

  it('returns the text of every paragraph of an article container, escaped or not, and nothing of its scripts', () => {
    const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    fc.assert(
      fc.property(fc.array(visibleText, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const html = `<div class="TRS_Editor">${paragraphs.map((text) => `<p>${escape(text)}<script>alert(1)</script></p>`).join('')}</div>`
        expect(htmlToText(html).text).toBe(paragraphs.join('\n'))
      }),
      { numRuns: 100 },
    )
  })
})
