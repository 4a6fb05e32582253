import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReport } from '../../src/ingest/read-report.ts'

const root = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url))
const read = (name: string) => readReport(path.join(root, name), { root })
const expected = await readFile(path.join(root, 'utf8.txt'), 'utf8')

describe('readReport', () => {
  let scratch = ''
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ingest-read-'))
  })
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('reads a UTF-8 text report with its path relative to the root and the SHA-256 of its bytes', async () => {
    const { value, messages } = await read('utf8.txt')
    const bytes = await readFile(path.join(root, 'utf8.txt'))
    expect(messages).toEqual([])
    expect(value).toEqual({
      file: 'utf8.txt',
      format: 'txt',
      encoding: 'utf-8',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      text: expected,
      overrides: {},
    })
  })

  it('keeps the path as given without a root', async () => {
    const file = path.join(root, 'utf8.txt')
    expect((await readReport(file)).value?.file).toBe(file)
  })

  it.each([
    ['utf8-bom.txt', 'utf-8'],
    ['gbk.txt', 'gb18030'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['utf16le-no-bom.txt', 'utf-16le'],
  ])('decodes %s as %s to the same text', async (name, encoding) => {
    const { value } = await read(name)
    expect(value?.encoding).toBe(encoding)
    expect(value?.text).toBe(expected)
  })

  it('turns CRLF and CR into LF but keeps every space', async () => {
    const { value } = await read('crlf.txt')
    expect(value?.text).toBe('某区法治政府建设报告\n一、主要举措\n\u3000\u3000正文\u00a0内容\t保留\n二、不足\n')
  })

  it.each([
    ['empty.txt', 'empty', /空文件/],
    ['whitespace.txt', 'empty', /空白字符/],
    ['pixel.png', 'binary', /^是 PNG 图片，不是文本报告$/],
    ['pixel-renamed.txt', 'binary', /PNG 图片/],
    ['missing.txt', 'unreadable', /文件不存在/],
  ])('refuses %s with one `%s` error naming the file', async (name, ruleId, reason) => {
    const result = await read(name)
    expect(result.value).toBeNull()
    expect(result.messages).toEqual([{ file: name, line: null, reason: expect.stringMatching(reason), ruleId, severity: 'error' }])
  })

  it('refuses a folder and undecodable bytes', async () => {
    const folder = await readReport(scratch)
    expect(folder.messages[0]).toMatchObject({ file: scratch, ruleId: 'unreadable' })
    const latin1 = path.join(scratch, 'latin1.txt')
    await writeFile(latin1, Buffer.from('Rapport annuel: café, élève, naïve, à Noël ü ÿ', 'latin1'))
    expect((await readReport(latin1)).messages[0]).toMatchObject({ file: latin1, ruleId: 'undecodable', severity: 'error' })
  })

  it('refuses files over 50 MB without reading them', async () => {
    const huge = path.join(scratch, 'huge.txt')
    await writeFile(huge, '')
    await truncate(huge, 51 * 1024 * 1024) // sparse: no 51 MB written
    const result = await readReport(huge, { root: scratch })
    expect(result).toEqual({ value: null, messages: [expect.objectContaining({ file: 'huge.txt', ruleId: 'too-large' })] })
  })

  // Finishing at all is the point (a quadratic step would hang); speed is measured by `npm run bench`.
  it('reads a 20 MB report whole, with CRLF turned into LF', async () => {
    const line = '（一）深入推进依法行政，全面落实行政执法责任制，2023年办理行政复议案件45件。\r\n'
    const big = path.join(scratch, 'big.txt')
    const repeats = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(line))
    await writeFile(big, line.repeat(repeats))
    const { value } = await readReport(big)
    expect(value?.text.length).toBe((line.length - 1) * repeats)
    expect(value?.text.includes('\r')).toBe(false)
  }, 60_000)

  it('reads an HTML page in GBK declared by its meta charset', async () => {
    const { value } = await read('page-gbk.html')
    expect(value).toMatchObject({ format: 'html', encoding: 'gb18030', hints: { title: '某区2022年法治政府建设年度报告' } })
    expect(value?.text.split('\n')).toEqual([
      '某区2022年法治政府建设年度报告',
      '　　2022年，某区坚持以法治为引领，推进政府治理体系和治理能力现代化。',
      '一、推进法治政府建设的主要举措和成效',
      '全面推行行政执法“三项制度”，办理行政复议案件45件。',
      '二、存在的不足和原因',
      '行政执法规范化水平还需提高。',
    ])
  })

  it('ignores the keys a clipper writes into front matter and reads its `date` as a hint, but warns of others', async () => {
    const file = path.join(scratch, 'clipped.md')
    await writeFile(file, '---\nurl: https://www.example.gov.cn/a.html\ndate: 2018-01-26\ntags:\n  - 法治政府\nauthor: 某某\ncolour: red\n---\n\n# 某旗2017年法治政府建设工作报告\n\n2017年，旗人民政府全面推进依法行政。\n')
    const { value, messages } = await readReport(file)
    expect(value?.overrides).toEqual({ url: 'https://www.example.gov.cn/a.html' })
    expect(value?.hints).toEqual({ published: '2018-01-26' })
    expect(messages.map((message) => `${message.line ?? '-'} ${message.ruleId}`)).toEqual(['7 unknown-meta'])
  })

  it('reads Markdown front matter into overrides and the body into plain lines', async () => {
    const { value, messages } = await read('report.md')
    expect(messages).toEqual([])
    expect(value?.overrides).toEqual({
      title: '某省生态环境厅2023年度法治政府建设情况报告',
      year: 2023,
      published: '2024-03-05',
      region: ['某省'],
      level: 'department',
    })
    expect(value?.text).not.toMatch(/---|#|\*\*|\]\(|\||alert|onclick/)
    expect(value?.text.split('\n').slice(0, 4)).toEqual([
      '某省生态环境厅2023年度法治政府建设情况报告',
      '2023年，省生态环境厅深入贯彻习近平法治思想，以高水平保护推动高质量发展。',
      '一、主要举措和成效',
      '1. 完善制度体系，修订地方性法规2部。',
    ])
  })

  it('applies a good sidecar', async () => {
    const { value, messages } = await read('sidecar-good.txt')
    expect(messages).toEqual([])
    expect(value?.overrides).toEqual({
      id: '2023-mouxian',
      title: '某县2023年法治政府建设情况报告',
      published: '2024-03-30',
      url: 'https://www.example.gov.cn/art/2024/3/30/art_2.html',
      agency: '某县人民政府',
      region: ['某省', '某市', '某县'],
      level: 'county',
    })
  })

  it('still reads the report when its sidecar has a bad date and id, naming the sidecar and each field', async () => {
    const { value, messages } = await read('sidecar-bad.txt')
    expect(value?.text).toBe(expected)
    expect(value?.overrides).toEqual({ year: 2023 })
    expect(messages).toEqual([
      { file: 'sidecar-bad.meta.yml', line: 1, reason: expect.stringMatching(/`id` 的值 "2023_Mouxian"/), ruleId: 'invalid-meta', severity: 'error' },
      { file: 'sidecar-bad.meta.yml', line: 2, reason: expect.stringMatching(/`published` 的值 "2023-02-30"/), ruleId: 'invalid-meta', severity: 'error' },
      { file: 'sidecar-bad.meta.yml', line: 4, reason: expect.stringMatching(/`colour`/), ruleId: 'unknown-meta', severity: 'warning' },
    ])
  })

  it('names the sidecar and the line of a YAML syntax error', async () => {
    const { value, messages } = await read('sidecar-broken.txt')
    expect(value?.overrides).toEqual({})
    expect(messages).toEqual([
      { file: 'sidecar-broken.meta.yml', line: 3, reason: expect.stringMatching(/不是有效的 YAML/), ruleId: 'invalid-meta', severity: 'error' },
    ])
  })

  it('lets a sidecar win over front matter and numbers front-matter lines from the file start', async () => {
    const markdown = path.join(scratch, 'joint.md')
    await writeFile(markdown, '---\ntitle: 前言标题\nyear: 1900\n---\n# 正文标题\n')
    await writeFile(path.join(scratch, 'joint.meta.yml'), 'title: 旁注标题\n')
    const { value, messages } = await readReport(markdown, { root: scratch })
    expect(value?.overrides).toEqual({ title: '旁注标题' })
    expect(value?.text).toBe('正文标题')
    expect(messages).toEqual([expect.objectContaining({ file: 'joint.md', line: 3, ruleId: 'invalid-meta' })])
  })
})

describe('readReport on damaged text', () => {
  it('warns about bytes that were replaced, naming the line', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'ingest-damaged-'))
    const file = path.join(scratch, 'cut.txt')
    const bytes = new TextEncoder().encode('某县法治政府建设报告\n深入推进依法行政。')
    await writeFile(file, bytes.subarray(0, bytes.length - 1))
    const { value, messages } = await readReport(file, { root: scratch })
    await rm(scratch, { recursive: true, force: true })
    expect(value?.encoding).toBe('utf-8')
    expect(messages).toEqual([expect.objectContaining({ file: 'cut.txt', line: 2, ruleId: 'invalid-bytes', severity: 'warning' })])
  })
})
