// End-to-end in Chromium: the researchers' queries of issue 11 (document numbers, titles in 《》, quoted slogans,
// the other script, pasted sentences) on a site built from fixtures that hold them in several writings. Each test
// waits for the page's own signal that a search is finished (`[data-search][data-state="done"]`, see search-page.ts).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite } from '../../src/build/index.ts'
import { serveStatic, type StaticServer } from '../../src/serve/serve-static.ts'
import { foldForTruth } from '../search/folded-queries.ts'
import { pagesHolding as pagesHoldingFolded, readIndexedTexts } from '../search/sample-queries.ts'
import { launchChromium, openPage } from './chromium.ts'
import { settled } from './search-page.ts'

let outDir = ''
let server: StaticServer
let browser: Browser
let texts = new Map<string, string>()

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'e2e-search-folding-'))
  const summary = await buildSite({ reportsDir: path.resolve(import.meta.dirname, '../fixtures/search-folding'), outDir })
  expect(summary.reports.length).toBe(5)
  texts = await readIndexedTexts(outDir)
  server = await serveStatic(outDir, { port: 0 })
  browser = await launchChromium()
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(outDir, { recursive: true, force: true })
})

describe('search page across writings', () => {
  const cases: { shape: string; writings: string[]; atLeast: number }[] = [
    { shape: 'document number', writings: ['厅字〔2019〕28号', '厅字[2019]28号', '厅字（2019）28号', '廳字(2019)28號'], atLeast: 3 },
    { shape: 'title in 《》', writings: ['《法治政府建设实施纲要(2021—2025年)》', '纲要(2021—2025年)', '纲要（2021-2025年）'], atLeast: 3 },
    { shape: 'quoted slogan', writings: ['“放管服”改革', '放管服改革', '「放管服」改革'], atLeast: 4 },
    { shape: 'town name written in traditional script', writings: ['罗店镇', '羅店鎮'], atLeast: 1 },
    { shape: 'phrase in both scripts', writings: ['行政执法', '行政執法'], atLeast: 5 },
    { shape: 'place name', writings: ['长治', '長治'], atLeast: 2 },
  ]
  for (const { shape, writings, atLeast } of cases) {
    it(`finds every report holding a ${shape}, however it is written`, async () => {
      const expected = pagesHolding(writings[0] ?? '')
      expect(expected.length).toBeGreaterThanOrEqual(atLeast)
      const page = await openPage(browser)
      for (const q of writings) {
        expect(pagesHolding(q)).toEqual(expected)
        await open(page, `search/?q=${encodeURIComponent(q)}`)
        expect(await resultUrls(page)).toEqual(expected)
        // Every hit's excerpt marks the text as written, which folds to the query.
        const marks = await page.locator('.search-hit-excerpt').evaluateAll((excerpts) => excerpts.map((excerpt) => [...excerpt.querySelectorAll('mark')].map((mark) => mark.textContent ?? '')))
        for (const marked of marks) expect(marked.some((mark) => foldForTruth(mark).includes(foldForTruth(q)))).toBe(true)
      }
      await page.close()
    }, 300_000)
  }

  it('marks the traditional text as written for a simplified query', async () => {
    const page = await openPage(browser)
    await open(page, `search/?q=${encodeURIComponent('罗店镇')}`)
    expect(await page.locator('.search-hit-excerpt mark').first().textContent()).toBe('羅店鎮')
    await page.close()
  }, 120_000)

  it('finds the report a pasted sentence of more than 50 characters comes from', async () => {
    const sentence = '长治市以《法治政府建设实施纲要(2021—2025年)》为统领，认真落实中共中央办公厅、国务院办公厅厅字〔2019〕28号文件要求'
    expect([...sentence].length).toBeGreaterThan(50)
    const expected = pagesHolding(sentence)
    expect(expected).toHaveLength(1)
    const page = await openPage(browser)
    await open(page, `search/?q=${encodeURIComponent(sentence)}`)
    expect(await resultUrls(page)).toEqual(expected)
    await page.close()
  }, 120_000)

  it('requires every word separated by spaces', async () => {
    const q = '行政执法　放管服'
    const expected = pagesHolding(q)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(pagesHolding('行政执法').length)
    const page = await openPage(browser)
    await open(page, `search/?q=${encodeURIComponent(q)}`)
    expect(await resultUrls(page)).toEqual(expected)
    await page.close()
  }, 120_000)

  it('offers 年度未知 and 地区未知 as filters and narrows to the reports without them', async () => {
    const page = await openPage(browser)
    await open(page, `search/?q=${encodeURIComponent('执法')}`)
    expect(await page.locator('#search-year option[value="unknown"]').textContent()).toMatch(/^年度未知（1）$/)
    expect(await page.locator('#search-province option[value="unknown"]').textContent()).toMatch(/^地区未知（1）$/)
    const undated = [...texts.keys()].filter((url) => url.includes('/undated'))
    expect(undated).toHaveLength(1)
    for (const key of ['year', 'province']) {
      await open(page, `search/?q=${encodeURIComponent('执法')}&${key}=unknown`)
      expect(await resultUrls(page)).toEqual(undated)
    }
    await page.close()
  }, 120_000)
})

/** Load a search URL and wait until the page says its search is done (hits, count and menus final). */
async function open(page: Page, relative: string): Promise<void> {
  await page.goto(server.url + relative)
  await settled(page)
}

async function resultUrls(page: Page): Promise<string[]> {
  const urls = await page.locator('.search-hit-title a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))
  return urls.sort()
}

function pagesHolding(q: string): string[] {
  return pagesHoldingFolded(texts, q)
}
