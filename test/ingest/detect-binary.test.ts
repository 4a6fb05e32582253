import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectBinary } from '../../src/ingest/detect-binary.ts'

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url))

describe('detectBinary', () => {
  it('names a real PNG image', () => {
    expect(detectBinary(fixture('pixel.png'))).toBe('PNG 图片')
  })

  it('names PDF, ZIP/DOCX and legacy Office files by their magic numbers', () => {
    expect(detectBinary(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ'))).toMatch(/PDF 文档/)
    expect(detectBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatch(/ZIP 压缩包（DOCX/)
    expect(detectBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(/旧版 Office/)
  })

  it('calls bytes full of NULs and control codes binary', () => {
    const bytes = new Uint8Array(4096).map((_, index) => (index % 7 === 0 ? 0 : index % 5 === 0 ? 3 : 0x41))
    expect(detectBinary(bytes)).toMatch(/二进制数据/)
  })

  it('lets text through: UTF-8, GBK and UTF-16 without BOM', () => {
    expect(detectBinary(fixture('utf8.txt'))).toBeNull()
    expect(detectBinary(fixture('gbk.txt'))).toBeNull()
    expect(detectBinary(fixture('utf16le-no-bom.txt'))).toBeNull()
  })
})
