import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'csv-parse/sync'
import { HtmlValidate } from 'html-validate'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plantTruth } from '../../src/bench/plant-truth.ts'
import { buildSite } from '../../src/build/index.ts'
import { serveStatic, type StaticServer } from '../../src/serve/index.ts'
import type { Report } from '../../src/types.ts'
import { launchChromium, openPage } from '../e2e/chromium.ts'
import { projectRoot } from './build-temp-site.ts'

const hostile = '<script>alert(1)</script>'
let work = ''
let outDir = ''
let reports: Report[] = []

/** The planted corpus, with markup appended to the paragraphs of one agency's reports (shown on its analysis pages). */
function hostileCorpus(): Report[] {
  const planted = plantTruth({ agencies: 12, seed: 5 }).reports
  const targets = planted.filter((report) => report.id.endsWith('-plant-a004'))
  if (targets.length !== 3) throw new Error('planted corpus changed: plant-a004 should report on three years')
  const visit = (sections: Report['sections']): void => {
    for (const section of sections) {
      section.paragraphs = section.paragraphs.map((text) => (text.length > 40 ? `${text}${hostile}` : text))
      visit(section.children)
    }
  }
  for (const report of targets) visit(report.sections)
  return planted
}

async function build(into: string): Promise<void> {
  await buildSite({ reportsDir: path.join(work, 'none'), outDir: into, index: false, load: async () => ({ reports, failures: [], messages: [] }) })
}

async function read(page: string): Promise<string> {
  return readFile(path.join(outDir, page), 'utf8')
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'analysis-site-'))
  outDir = path.join(work, 'site')
  reports = hostileCorpus()
  await build(outDir)
}, 240_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('analysis pages', () => {
  it('notes 「与 N 篇报告高度相似」 beside a reused paragraph, linking to its side-by-side view', async () => {
    const html = await read('reports/2023/plant-a004/index.html')
    const note = /<a class="reuse-note" href="(\/reports\/2023\/plant-a004\/reuse\/#[a-z0-9-]+)" data-pagefind-ignore="">与 (\d+) 篇报告高度相似/.exec(html)
    expect(note).not.toBeNull()
    const side = await read('reports/2023/plant-a004/reuse/index.html')
    const anchor = note?.[1]?.split('#')[1] ?? ''
    expect(side).toContain(`id="${anchor}"`)
    expect(side).toMatch(/<mark>[^<]{20,}<\/mark>/)
    expect(side).toMatch(/跨机构雷同|跨年重复/)
    expect(html).toMatch(/<dt>与其他报告雷同<\/dt>\s*<dd>\d+\.\d%/)
  })

  it('escapes report text on every analysis page', async () => {
    for (const page of ['reports/2023/plant-a004/reuse/index.html', 'years/2023/achievements/repeated/index.html', 'agencies/plant-a004/index.html']) {
      const html = await read(page)
      expect(html, page).not.toContain(hostile)
    }
    expect(await read('reports/2023/plant-a004/reuse/index.html')).toContain('&lt;script&gt;alert(1)&lt;/script')
  })

  it('lists the passages most reports of a year use on the boilerplate page, each linking to its uses', async () => {
    const pages = (await readdir(path.join(outDir, 'years'), { recursive: true })).filter((file) => file.endsWith(path.join('repeated', 'index.html'))).sort()
    expect(pages).toHaveLength(3 * 4)
    const listed = await Promise.all(pages.map((page) => read(path.join('years', page))))
    const html = listed.find((page) => /篇报告使用/.test(page)) ?? ''
    const counts = [...html.matchAll(/(\d+) 篇报告使用/g)].map((match) => Number(match[1]))
    expect(counts.length).toBeGreaterThan(0)
    expect(counts.every((count) => count >= 3)).toBe(true)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(html).toMatch(/<li><a href="\/reports\/\d{4}\/plant-a\d{3}\/#[a-z]+-[\d-]*p\d+">/)
  })

  it('tables each plan item’s follow-up on the agency page and ranks agencies on the year page', async () => {
    const agency = await read('agencies/plant-a004/index.html')
    expect(agency).toMatch(/<table class="follow-up stack-table">/)
    expect(agency).toMatch(/status-(addressed|relisted|not-found)">(有后续|再次列入|未见后续)</)
    expect(agency).toContain('与上年相同')
    const year = await read('years/2022/index.html')
    expect(year).toMatch(/安排次年有后续的比例，按机构排列/)
  })

  it('publishes analysis in each report’s JSON, valid against the schema, and the CSVs', async () => {
    const schema = JSON.parse(await readFile(path.join(projectRoot, 'src/report.schema.json'), 'utf8'))
    const ajv = new Ajv2020.default({ allErrors: true, strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(schema)
    const json = JSON.parse(await read('data/reports/2022-plant-a004.json'))
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true)
    expect(json.analysis.followUp.length).toBeGreaterThan(0)
    expect(json.analysis.metrics.all.chars).toBeGreaterThan(100)
    const reuse = parse(await read('data/reuse.csv'), { columns: true, bom: true }) as Record<string, string>[]
    expect(reuse.length).toBeGreaterThan(10)
    expect(new Set(reuse.map((row) => row.agency))).toEqual(new Set(['same', 'other']))
    const followUp = parse(await read('data/follow-up.csv'), { columns: true, bom: true }) as Record<string, string>[]
    expect(new Set(followUp.map((row) => row.status))).toEqual(new Set(['addressed', 'relisted', 'not-found']))
    const metrics = parse(await read('data/metrics.csv'), { columns: true, bom: true }) as Record<string, string>[]
    expect(metrics.filter((row) => row.part === 'all')).toHaveLength(reports.length)
  })

  it('gives html-validate no errors on the analysis pages', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off', 'text-content': 'off' },
    })
    const problems: string[] = []
    for (const page of ['reports/2023/plant-a004/index.html', 'reports/2023/plant-a004/reuse/index.html', 'years/2023/achievements/repeated/index.html', 'agencies/plant-a004/index.html', 'years/2022/index.html', 'about/index.html']) {
      const report = await validator.validateString(await read(page), page)
      for (const result of report.results) for (const message of result.messages) if (message.severity === 2) problems.push(`${page}:${message.line} ${message.ruleId} ${message.message}`)
    }
    expect(problems).toEqual([])
  })

  it('writes byte-identical pages and data for the same reports', async () => {
    const again = path.join(work, 'again')
    await build(again)
    expect(await digestFolder(again)).toEqual(await digestFolder(outDir))
  }, 240_000)
})

describe('analysis pages in Chromium', () => {
  let server: StaticServer
  let browser: Browser
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
  const pages = ['reports/2023/plant-a004/reuse/', 'years/2023/achievements/repeated/', 'agencies/plant-a004/', 'years/2022/']

  beforeAll(async () => {
    server = await serveStatic(outDir, { port: 0 })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const width of [1280, 375]) {
    it(`shows the side-by-side view, a boilerplate page, a follow-up table and a year ranking at ${width} px without sideways scrolling or serious axe findings`, async () => {
      const page = await openPage(browser, width)
      for (const target of pages) {
        expect((await page.goto(server.url + target))?.status()).toBe(200)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${target} at ${width} px`).toBeLessThanOrEqual(0)
        await page.addScriptTag({ path: axePath })
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe
          return (await axe.run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
        })
        expect(violations, target).toEqual([])
      }
      // Side by side on a desktop, one above the other on a phone.
      await page.goto(`${server.url}reports/2023/plant-a004/reuse/`)
      const boxes = await page.locator('.sides').first().locator('.side').evaluateAll((sides) => sides.map((side) => side.getBoundingClientRect().top))
      if (width === 1280) expect(boxes[0]).toBe(boxes[1])
      else expect(boxes[1]).toBeGreaterThan(boxes[0] ?? 0)
      await page.close()
    }, 180_000)
  }
})

/** Every file below a folder with the SHA-256 of its bytes. */
async function digestFolder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const digests: Record<string, string> = {}
  for (const entry of entries.filter((item) => item.isFile()).sort((a, b) => (path.join(a.parentPath, a.name) < path.join(b.parentPath, b.name) ? -1 : 1))) {
    const file = path.join(entry.parentPath, entry.name)
    digests[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex')
  }
  return digests
}
