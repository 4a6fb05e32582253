import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'

const sourceRoot = path.resolve(import.meta.dirname, '../../reports')
const made: string[] = []

async function corpus(count: number, seed: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-test-'))
  made.push(dir)
  const entries = await generateCorpus({ count, seed, outDir: dir, sourceRoot })
  const files = entries.map((entry) => entry.file)
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')))
  return { dir, entries, files, texts }
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('generateCorpus', () => {
  it('writes the same files with the same bytes for the same seed', async () => {
    const first = await corpus(30, 42)
    const second = await corpus(30, 42)
    expect(second.files).toEqual(first.files)
    expect(second.texts).toEqual(first.texts)
  })

  it('writes a different corpus for another seed', async () => {
    const first = await corpus(30, 42)
    const other = await corpus(30, 43)
    expect(other.texts).not.toEqual(first.texts)
  })

  it('writes every report under its year with a unique ASCII name and unique text', async () => {
    const { files, texts } = await corpus(120, 7)
    expect(files).toHaveLength(120)
    expect(new Set(files).size).toBe(120)
    for (const file of files) expect(file).toMatch(/^(2019|202[0-4])\/[a-z]+-[a-z]+-\d{6}\.txt$/)
    expect(new Set(texts).size).toBe(120)
  })

  it('varies years, provinces and levels of government', async () => {
    const { entries, files, texts } = await corpus(200, 7)
    expect(new Set(files.map((file) => file.slice(0, 4))).size).toBeGreaterThanOrEqual(5)
    expect(new Set(entries.map((entry) => entry.agency.region[0])).size).toBeGreaterThan(15)
    expect(new Set(entries.map((entry) => entry.agency.level))).toEqual(new Set(['province', 'city', 'county', 'department', 'township']))
    for (const [index, entry] of entries.entries()) expect(texts[index]).toContain(entry.agency.name)
    const titles = texts.map((text) => text.split('\n').find((line) => /法治政府建设.*报告/.test(line)) ?? '')
    expect(titles.some((title) => /县人民政府/.test(title))).toBe(true)
    expect(titles.some((title) => /局|委员会/.test(title))).toBe(true)
    expect(titles.some((title) => /(镇|乡|街道)/.test(title))).toBe(true)
  })

  it('writes reports in the shapes real ones come in: title, 来源/发布时间 lines, numbered parts, signature', async () => {
    const { files, texts } = await corpus(60, 3)
    for (const [index, text] of texts.entries()) {
      const year = Number(files[index]?.slice(0, 4))
      const lines = text.trim().split('\n').map((line) => line.trim())
      expect(lines.some((line) => line.includes(`${year}年`) && /报告$/.test(line))).toBe(true)
      for (const number of ['一', '二', '三', '四']) expect(lines.some((line) => line.startsWith(`${number}、`))).toBe(true)
      expect(text).toMatch(/存在|不足|问题/)
      expect(text).toMatch(new RegExp(`${year + 1}年\\d{1,2}月\\d{1,2}日`))
    }
    expect(texts.some((text) => /^来源:.+ 发布时间:\d{4}-\d\d-\d\d/m.test(text))).toBe(true)
    expect(texts.some((text) => /当前位置:首页/.test(text) && /ICP备/.test(text))).toBe(true)
  })

  it('refuses a source folder without .txt reports, naming it, in Chinese', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'corpus-empty-'))
    made.push(empty)
    await expect(generateCorpus({ count: 1, outDir: path.join(empty, 'out'), sourceRoot: empty })).rejects.toThrow(`${empty} 其中没有可供重组的 .txt 报告 [no-source-reports]`)
  })
})
