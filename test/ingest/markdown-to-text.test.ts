import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markdownToText } from '../../src/ingest/markdown-to-text.ts'

describe('markdownToText', () => {
  it('gives one line per heading, paragraph, list item and table row without markup', () => {
    const markdown = [
      '# 某县报告',
      '',
      '**加强**法治*宣传*，见[专题](https://example.gov.cn)。',
      '',
      '- 培训8期',
      '- 检查`12`次',
      '',
      '| 指标 | 数值 |',
      '| --- | --- |',
      '| 复议 | 3件 |',
    ].join('\n')
    expect(markdownToText(markdown)).toBe('某县报告\n加强法治宣传，见专题。\n培训8期\n检查12次\n指标 数值\n复议 3件')
  })

  it('keeps ordered-list numbers as written', () => {
    expect(markdownToText('1. 完善制度\n2) 规范执法')).toBe('1. 完善制度\n2) 规范执法')
  })

  it('joins soft-wrapped Chinese lines without a space and keeps hard breaks', () => {
    expect(markdownToText('深入推进\n依法行政\n\nrule of\nlaw  \n第二行')).toBe('深入推进依法行政\nrule of law\n第二行')
  })

  it('keeps only the text of raw HTML blocks', () => {
    const text = markdownToText('<div onclick="alert(1)">附件<script>alert(1)</script>清单</div>')
    expect(text).toBe('附件清单')
  })

  it('drops the bold marks of run-in items that close after CJK punctuation, keeping every text character', () => {
    const markdown = readFileSync(new URL('../fixtures/ingest/bold-run-in-items.md', import.meta.url), 'utf8')
    expect(markdownToText(markdown).split('\n')).toEqual([
      '某区2023年法治政府建设情况报告',
      '一、主要工作及成效',
      '（一）强化法治引领，依法全面履行政府职能。深化“放管服”改革，事项“最多跑一次”比例达到96%。',
      '（二）完善制度体系：区政府全年制定规范性文件6件。',
      '（三）规范决策程序。重大决策均经合法性审查，abc保持原样。',
    ])
  })
})
