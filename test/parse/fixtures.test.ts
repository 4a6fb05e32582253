import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bodyText, parseReport } from '../../src/parse/index.ts'
import type { RawReport, Section } from '../../src/types.ts'

const folder = new URL('../fixtures/parse/', import.meta.url)
const structureRules = new Set(['missing-shortcomings', 'missing-achievements', 'missing-plans', 'missing-leadership',
  'heading-number-skip', 'damaged-heading-number', 'no-headings'])

/** Each fixture's one quirk, as the test's name. */
const names: Record<string, string> = {
  'splits-at-numeral-headings': 'splits at 一、二、三 headings and nests （一） under them',
  'keeps-yi-shi-inside-the-paragraph': 'keeps 一是…二是… inside the paragraph and never heads a long numbered line',
  'splits-run-in-headings': 'splits a run-in heading at its first 。 or ：, keeping the rest as a paragraph',
  'treats-a-line-starting-with-a-parenthesis-as-a-damaged-heading': 'treats a line starting with ) as a damaged heading',
  'reads-unnumbered-part-headings-from-their-neighbours': 'reads unnumbered part headings at the level their neighbours imply',
  'uses-arabic-numbers-as-the-top-level-when-there-are-no-numerals': 'uses 1、 as the top level when there is no 一、',
  'nests-arabic-items-under-numeral-parts': 'nests 1、 items under 一、 parts',
  'classifies-parts-in-any-order': 'classifies parts by keywords in any order',
  'nests-leadership-inside-achievements': 'keeps a leadership child inside achievements as leadership',
  'strips-page-furniture-wherever-it-sits': 'strips page furniture at the top and bottom and reads metadata lines',
  'keeps-body-sentences-that-mention-furniture-words': 'keeps body sentences that mention 打印, 来源 or 版权所有',
  'splits-off-the-closing-signature': 'splits off the closing signature and keeps the addressee in the preamble',
  'splits-unheaded-shortcomings-and-plans-at-their-opening-sentence': 'splits unheaded shortcomings and plans at their opening sentence',
  'warns-when-a-heading-number-is-skipped': 'warns when a heading number is skipped',
  'warns-when-there-are-no-headings': 'warns when there are no headings',
  'reads-full-width-and-half-width-numbers-alike': 'reads full-width and half-width numbers alike',
  'reads-a-joint-title-written-over-two-lines': 'reads a joint title written over two lines',
  'treats-a-three-part-report-as-normal': 'treats a three-part report as normal, warning only of the missing leadership part',
  'names-a-second-part-of-the-same-kind-unambiguously': 'names a second part of the same kind achievements-part-2',
  'puts-leading-arabic-parts-above-parenthesised-items': 'puts 1、 parts above （一） items when there is no 一、',
  'heads-the-line-after-a-number-alone-on-its-line': 'heads the short line after a number alone on its line',
  'keeps-table-rows-as-paragraphs': 'keeps table rows that mention 问题 or 措施 as paragraphs',
  'drops-the-page-numbers-of-a-pdf-copy': 'drops the page numbers a PDF copy leaves between pages (- 1 -, 第 2 页 共 3 页, — 3 —)',
  'reads-the-date-under-the-title-as-metadata': 'reads a bracketed date under the title as the report date, not the first paragraph',
  'gives-a-sub-part-of-a-combined-part-its-own-kind': 'gives a sub-part of a combined 存在的问题和下一步打算 part the kind its heading names',
  'reads-a-causes-part-as-shortcomings': 'reads a 原因分析 part as shortcomings',
  'reads-a-run-in-item-reporting-the-first-duty-as-leadership': 'reads a run-in item whose first sentence reports the 第一责任人 duty as leadership, and no other item',
  'splits-an-unheaded-leadership-paragraph': 'splits paragraphs reporting the 第一责任人 duty into a leadership part when there are no headings',
  'drops-site-switches-counters-and-hotlines-below-the-body': 'drops site switches, QR prompts, visitor counters and hotlines below the body, keeping sentences that mention 网站, 编辑 and 审核',
  'rejoins-lines-a-pdf-copy-hard-wrapped': 'rejoins lines a PDF copy broke mid-sentence at a fixed width, never joining a heading or the signature',
  'reads-short-unnumbered-lines-between-paragraphs-as-items': 'reads two or more short unnumbered lines between paragraphs as item headings, but not a lone one',
  'keeps-an-attachment-list-in-the-closing': 'keeps the numbered titles of an attachment list in the closing instead of heading them',
  'splits-plans-off-a-combined-part-at-their-opening-sentence': 'splits plans off a combined 存在问题和下一步工作打算 part at the sentence that opens them, with the items after it',
  'reads-a-leadership-paragraph-after-a-run-in-lead-sentence': 'reads a paragraph whose second sentence reports the 第一责任人 duty, after a short run-in lead, as leadership',
  'splits-labelled-shortcomings-and-plans-paragraphs': 'splits paragraphs opening with a 存在的问题： or 下一步工作打算： label into their parts',
  'splits-a-leadership-paragraph-out-of-a-numbered-achievements-part': 'splits a paragraph reporting the 第一责任人 duty out of a numbered achievements part when no part is headed as leadership',
  'heads-the-line-after-a-numeral-alone-on-its-line': 'heads the short line after a numeral alone on its line (一 without 、), keeping both as written',
  'strips-a-wechat-copy-header-and-footer': 'strips a WeChat copy’s byline, 收录于合集 and 点击蓝字 header and its 往期推荐, 阅读原文 and 在看 footer, then splits the closing',
  'reads-a-metadata-line-opening-with-a-bare-date': 'reads a line opening with a bare date and time before 来源： and 字体： as metadata, not the first paragraph',
  'reads-bracketed-part-headings-above-numbered-items-without-warnings': 'reads 【主要举措和成效】 lines above （一） items as part headings, keeping the brackets and warning of no damaged number',
  'reads-numbered-part-headings-inside-brackets': 'reads 【一、主要举措和成效】 as a numbered part heading, keeping every character',
  'reads-run-in-bracketed-part-headings': 'reads 【主要举措和成效】 followed by text on the same line as a heading with a run-in paragraph, but not 【典型案例】',
  'heads-the-line-after-a-wechat-part-number-alone-on-its-line': 'heads the short line after 01 or PART 03 alone on its line as a top-level part above （一） items',
  'drops-catalogue-fields-sharing-a-line': 'drops 政府信息公开 catalogue fields such as 生成日期 and 有效性, even when several share a line split by tabs',
  'splits-a-part-heading-run-into-its-body': 'splits a long numbered line after a part title that runs into its body without 。 when a sentence opens there, but not where no sentence opens',
  'splits-off-a-signature-run-into-its-date': 'splits off a signature run into its date (某县人民政府2024年1月26日) as the closing',
  'reads-a-final-next-step-paragraph-of-an-unheaded-report-as-plans': 'reads a final paragraph opening 下一步， or 2024年，我们将 as plans in a report with no headings',
  'reads-arabic-part-numbers-before-a-year-as-the-top-level': 'reads 1、2018年… parts as the top level above （1） items without damaged-number warnings, but not 1、2月份 in the body',
  'reads-a-main-work-arrangements-part-as-plans': 'reads a 2023年主要工作安排 part as plans, not as the achievements its 主要工作 suggests',
  'drops-a-breadcrumb-after-the-site-name': 'drops a breadcrumb trail that follows the site name on one line and reads the title under it',
  'heads-a-run-in-item-after-its-number-alone-on-its-line': 'heads the first sentence of a run-in item whose list number (1.) stands alone on the line above',
  'keeps-a-numbered-sentence-of-many-clauses-as-a-paragraph': 'keeps a numbered line whose first sentence runs through four or more clauses as a paragraph, not a run-in heading',
  'reads-a-traditional-character-page-as-simplified': 'reads furniture, title, headings and closing of a traditional-character page as if simplified, keeping the text as written',
}

const fixtures = readdirSync(folder).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort()

describe('parse fixtures', () => {
  it('names every fixture', () => {
    expect(fixtures.filter((name) => !(name in names))).toEqual([])
    expect(Object.keys(names).filter((name) => !fixtures.includes(name))).toEqual([])
  })

  for (const name of fixtures) {
    it(names[name] ?? name, () => {
      const raw = rawReport(`${name}.txt`, readFileSync(new URL(`${name}.txt`, folder), 'utf8'))
      const result = parseReport(raw)
      const report = result.value
      expect(report).not.toBeNull()
      const actual = {
        title: report?.titleInferred === false ? report.title : null,
        sections: report?.sections ?? [],
        messages: result.messages.filter((message) => structureRules.has(message.ruleId))
          .map((message) => `${message.line ?? '-'} ${message.ruleId}`),
      }
      const expectedFile = new URL(`${name}.json`, folder)
      if (process.env['UPDATE']) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
      expect(flatten(actual.sections)).toBe(bodyText(raw).replace(/\s+/g, ''))
    })
  }
})

function rawReport(file: string, text: string): RawReport {
  return { file, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), text, overrides: {} }
}

function flatten(sections: readonly Section[]): string {
  return sections.map((section) => (section.number ?? '') + (section.heading ?? '') + section.paragraphs.join('') + flatten(section.children))
    .join('').replace(/\s+/g, '')
}
