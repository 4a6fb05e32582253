import { describe, expect, it } from 'vitest'
import { normaliseLineEndings } from '../../src/ingest/normalise-line-endings.ts'

describe('normaliseLineEndings', () => {
  it('strips the BOM and turns CRLF and CR into LF', () => {
    expect(normaliseLineEndings('\uFEFF一、总体\r\n二、不足\r三、安排\n')).toBe('一、总体\n二、不足\n三、安排\n')
  })

  it('keeps ideographic, no-break and tab spaces', () => {
    expect(normaliseLineEndings('\u3000\u3000正文\u00a0内容\t保留 ')).toBe('\u3000\u3000正文\u00a0内容\t保留 ')
  })
})
