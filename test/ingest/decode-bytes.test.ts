import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/ingest/decode-bytes.ts'

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url))
const expected = readFileSync(new URL('../fixtures/ingest/utf8.txt', import.meta.url), 'utf8')

/** GBK bytes of `text`, produced by the system iconv (the reference encoder). */
function gbk(text: string): Uint8Array {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text })
}

describe('decodeBytes', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeBytes(fixture('utf8.txt'))).toEqual({ text: expected, encoding: 'utf-8' })
  })

  it('decodes UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeBytes(fixture('utf8-bom.txt'))).toEqual({ text: expected, encoding: 'utf-8' })
  })

  it('decodes GBK bytes as GB18030', () => {
    expect(decodeBytes(fixture('gbk.txt'))).toEqual({ text: expected, encoding: 'gb18030' })
  })

  it('decodes UTF-16LE and UTF-16BE by their BOM', () => {
    expect(decodeBytes(fixture('utf16le-bom.txt'))).toEqual({ text: expected, encoding: 'utf-16le' })
    expect(decodeBytes(fixture('utf16be-bom.txt'))).toEqual({ text: expected, encoding: 'utf-16be' })
  })

  it('detects UTF-16 without a BOM from the NUL bytes of ASCII characters', () => {
    const little = fixture('utf16le-no-bom.txt')
    expect(decodeBytes(little)).toEqual({ text: expected, encoding: 'utf-16le' })
    const big = Buffer.from(little).swap16()
    expect(decodeBytes(big)).toEqual({ text: expected, encoding: 'utf-16be' })
  })

  it('detects UTF-16LE without a BOM or any ASCII from the CJK high bytes', () => {
    const text = '法治政府建设情况报告主要举措和成效存在的不足和原因下一年度工作安排'
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' })
  })

  it('prefers GB18030 when GBK bytes happen to be valid UTF-8 but read as gibberish', () => {
    // 职权 in GBK is D6 B0 C8 A8, also valid UTF-8 for two unrelated Hebrew/Latin letters.
    const bytes = gbk('职权')
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow()
    expect(decodeBytes(bytes)).toEqual({ text: '职权', encoding: 'gb18030' })
    expect(decodeBytes(bytes, 'GBK')).toEqual({ text: '职权', encoding: 'gb18030' })
  })

  it('keeps valid Chinese UTF-8 as UTF-8 even when the page declares GBK', () => {
    const bytes = new TextEncoder().encode('依法行政工作报告')
    expect(decodeBytes(bytes, 'gbk')).toEqual({ text: '依法行政工作报告', encoding: 'utf-8' })
  })

  it('returns null for bytes that are no known Chinese text encoding', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0xe0, 0xef, 0x76, 0x65, 0x20, 0xfc, 0x20, 0xff, 0xfe, 0x20])
    expect(decodeBytes(latin1.subarray(0, 14))).toBeNull()
  })

  it('uses a declared non-Chinese charset when nothing else fits', () => {
    const bytes = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x65, 0x78, 0x74, 0x65])
    expect(decodeBytes(bytes)).toBeNull()
    expect(decodeBytes(bytes, 'iso-8859-1')).toEqual({ text: 'café texte', encoding: 'windows-1252' })
  })
})

describe('decodeBytes on damaged files', () => {
  it('keeps UTF-8 whose last character was cut off as UTF-8, not GB18030', () => {
    const bytes = new TextEncoder().encode('深入推进依法行政，加快建设法治政府。')
    const cut = bytes.subarray(0, bytes.length - 1)
    expect(decodeBytes(cut)).toEqual({ text: '深入推进依法行政，加快建设法治政府\uFFFD', encoding: 'utf-8' })
  })
})
