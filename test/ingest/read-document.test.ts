import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReport } from '../../src/ingest/index.ts'
import { parseReport } from '../../src/parse/index.ts'
import { makeDocx } from '../acquire/make-docx.ts'
import { printPdf, printScan } from '../acquire/make-pdf.ts'
import { launchChromium } from '../e2e/chromium.ts'

describe('readReport on PDF and Word files', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ingest-documents-'))
    const browser = await launchChromium()
    try {
      const html = await readFile(new URL('../fixtures/acquire/report.html', import.meta.url), 'utf8')
      await writeFile(path.join(root, 'guangzhou.pdf'), await printPdf(browser, html))
      await writeFile(path.join(root, 'scan.pdf'), await printScan(browser))
    } finally {
      await browser.close()
    }
    await writeFile(path.join(root, 'nanhai.docx'), await makeDocx())
    await writeFile(path.join(root, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    await writeFile(path.join(root, 'old.wps'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    await writeFile(path.join(root, 'broken.pdf'), '%PDF-1.7\n这不是完整的 PDF')
  }, 120_000)
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true })
  })

  it('reads a Chromium-printed PDF in reading order, without running header, footer or page numbers', async () => {
    const { value, messages } = await readReport(path.join(root, 'guangzhou.pdf'), { root })
    expect(messages).toEqual([])
    expect(value).toMatchObject({ file: 'guangzhou.pdf', format: 'pdf', encoding: 'pdf' })
    const lines = value?.text.split('\n') ?? []
    expect(lines[0]).toBe('广州市司法局2023年法治政府建设年度报告')
    expect(lines).toContain('一、主要举措和成效')
    expect(lines).toContain('（三）强化行政复议和行政应诉工作')
    // A paragraph wrapped over several lines (and a page break) comes back as one line.
    expect(lines).toContain('畅通行政复议渠道，全年收到行政复议申请一千二百余件，依法受理一千一百余件，审结一千余件，纠错率百分之十二。行政机关负责人出庭应诉率达到百分之百，行政诉讼败诉率同比下降两个百分点。')
    expect(value?.text).not.toMatch(/广州市司法局文件|^- \d+ -$/m)
    expect(value?.pageStarts?.[0]).toBe(1)
    expect(value?.pageStarts?.length).toBeGreaterThanOrEqual(2)
  })

  it('parses the PDF into a report with its parts, and keeps which line each page starts on', async () => {
    const raw = (await readReport(path.join(root, 'guangzhou.pdf'), { root })).value
    const report = raw === null ? null : parseReport(raw).value
    expect(report?.agency.name).toBe('广州市司法局')
    expect(report?.year).toBe(2023)
    expect(report?.published).toBe('2024-03-20')
    expect(report?.sections.map((section) => section.kind)).toEqual(['preamble', 'achievements', 'leadership', 'shortcomings', 'plans', 'closing'])
    expect(report?.source.pageStarts).toEqual(raw?.pageStarts)
  })

  it('reads a .docx with the numbers Word computes for its headings', async () => {
    const raw = (await readReport(path.join(root, 'nanhai.docx'), { root })).value
    expect(raw?.format).toBe('docx')
    expect(raw?.text.split('\n')).toEqual(expect.arrayContaining(['一、主要举措和成效', '（一）完善依法行政制度体系', '（二）推进严格规范公正文明执法', '四、2024年工作安排']))
    const report = raw === null ? null : parseReport(raw).value
    expect(report?.sections.map((section) => [section.kind, section.number])).toEqual([
      ['preamble', null],
      ['achievements', '一、'],
      ['leadership', '二、'],
      ['shortcomings', '三、'],
      ['plans', '四、'],
      ['closing', null],
    ])
  })

  it('refuses a scanned PDF, a damaged PDF and legacy Word/WPS files with a clear reason', async () => {
    const ruleOf = async (name: string) => {
      const result = await readReport(path.join(root, name), { root })
      expect(result.value).toBeNull()
      return [result.messages[0]?.ruleId, result.messages[0]?.reason]
    }
    expect(await ruleOf('scan.pdf')).toEqual(['scanned-pdf', expect.stringContaining('PDF 无文字层，需 OCR')])
    expect(await ruleOf('broken.pdf')).toEqual(['unreadable-pdf', expect.stringContaining('PDF 无法读取')])
    expect(await ruleOf('old.doc')).toEqual(['legacy-word', expect.stringContaining('另存为 .docx')])
    expect(await ruleOf('old.wps')).toEqual(['legacy-word', expect.stringContaining('WPS')])
  })
})
