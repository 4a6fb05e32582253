import { describe, expect, it } from 'vitest'
import { detectFormat } from '../../src/ingest/detect-format.ts'

describe('detectFormat', () => {
  it('trusts the extension, in any case', () => {
    expect(detectFormat('a/b.TXT', '<html>')).toBe('txt')
    expect(detectFormat('a/b.htm', '')).toBe('html')
    expect(detectFormat('a/b.Markdown', '')).toBe('md')
  })

  it('sniffs HTML, front matter and Markdown headings when the extension is unknown', () => {
    expect(detectFormat('page.asp', '\n<!DOCTYPE html><html>')).toBe('html')
    expect(detectFormat('page', '<div><body class="x">')).toBe('html')
    expect(detectFormat('notes', '---\ntitle: 报告\n---\n正文')).toBe('md')
    expect(detectFormat('notes', '前言\n## 一、主要举措\n')).toBe('md')
    expect(detectFormat('notes', '一、主要举措\n#不是标题')).toBe('txt')
  })
})
