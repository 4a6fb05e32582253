import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic, type StaticServer } from '../../src/serve/serve-static.ts'
import { launchChromium, openPage } from '../e2e/chromium.ts'
import { buildTempSite } from './build-temp-site.ts'

const shots = '/tmp/shots'
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const pages = [
  { name: 'home', path: '' },
  { name: 'report', path: 'reports/2022/tianjin-zwfwb/' },
  { name: 'year', path: 'years/2022/' },
  // A part page cut into pages (two reports a page), and a year split by province (more than two reports).
  { name: 'year-part', path: 'years/2022/achievements/2/' },
  { name: 'year-province', path: 'years/2022/hebeisheng/' },
  // The agencies split by province (more than two).
  { name: 'agencies', path: 'agencies/' },
  { name: 'agencies-province', path: 'agencies/in/hebeisheng/' },
  // The quality page's work list split by year and province (more than two entries).
  { name: 'quality', path: 'quality/' },
  { name: 'quality-page', path: 'quality/2023/unplaced/' },
]
let server: StaticServer
let browser: Browser

beforeAll(async () => {
  const site = await buildTempSite(['hostile', 'quality'], { reportsPerPartPage: 2, listedPerPage: 2 })
  server = await serveStatic(site.outDir, { port: 0 })
  browser = await launchChromium()
  await mkdir(shots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('pages in Chromium', () => {
  for (const width of [1280, 375]) {
    it(`render home, a report and a year page at ${width} px without sideways scrolling`, async () => {
      const page = await openPage(browser, width)
      const requests: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      for (const { name, path } of pages) {
        const response = await page.goto(server.url + path)
        expect(response?.status()).toBe(200)
        await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: false })
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0)
      }
      expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([])
      await page.close()
    })
  }

  it('moves to a paragraph anchor and fills the citation access date', async () => {
    const page = await openPage(browser)
    await page.goto(`${server.url}reports/2022/tianjin-zwfwb/`)
    const sections = await page.locator('article.report section[data-kind]').count()
    expect(sections).toBeGreaterThan(4)
    await page.locator('#achievements-1-p1 a.copy-link').click()
    expect(new URL(page.url()).hash).toBe('#achievements-1-p1')
    const cite = await page.locator('#cite-gbt + p code').textContent()
    expect(cite).toMatch(/\[\d{4}-\d{2}-\d{2}\]\. http/)
    expect(await page.locator('#cite-bibtex + pre code').textContent()).toMatch(/urldate = \{\d{4}-\d{2}-\d{2}\}/)
    expect(JSON.parse((await page.locator('#cite-csl + pre code').textContent()) ?? '').accessed.raw).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await page.locator('#cite-ris + pre code').textContent()).toMatch(/^UR {2}- .+\nY2 {2}- \d{4}-\d{2}-\d{2}\nLA {2}- zh-CN$/m)
    // Each section's panel cites that section in GB/T 7714, dated the same way.
    const sectionCites = await page.locator('details.citation code[data-cite]').allTextContents()
    expect(sectionCites.length).toBeGreaterThan(4)
    for (const text of sectionCites) expect(text).toMatch(/: .+\[EB\/OL\]\. (\(\d{4}-\d{2}-\d{2}\))?\[\d{4}-\d{2}-\d{2}\]\. http\S+\.$/)
    await expect.poll(() => page.locator('.cite-panel button.copy-cite:visible').count(), { timeout: 30_000 }).toBe(4)
    await page.close()
  })

  it('shows complete citations without JavaScript: no placeholder, no access date, no dead copy buttons', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}reports/2022/tianjin-zwfwb/`)
    const texts = await page.locator('[data-cite]').allTextContents()
    expect(texts.length).toBeGreaterThan(8)
    for (const text of texts) expect(text).not.toMatch(/引用日期|urldate|accessed|Y2 {2}-|\u2063/)
    expect(await page.locator('button.copy-cite:visible').count()).toBe(0)
    await page.locator('.cite-panel').screenshot({ path: `${shots}/citation-nojs-375.png` })
    await context.close()
  })

  it('shows one search box on the home page and every table column on phones', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } })
    await page.goto(server.url)
    expect(await page.locator('input[type="search"]:visible').count()).toBe(1)
    await page.goto(`${server.url}quality/`)
    const cells = page.locator('.quality-years tbody tr:first-child > *')
    expect(await cells.count()).toBe(8)
    for (const cell of await cells.all()) expect(await cell.isVisible()).toBe(true)
    await page.goto(`${server.url}years/2022/hebeisheng/`)
    const yearCells = page.locator('.report-table tbody tr:first-child > *')
    expect(await yearCells.count()).toBe(7)
    for (const cell of await yearCells.all()) {
      const box = await cell.boundingBox()
      expect(box !== null && box.x >= 0 && box.x + box.width <= 375).toBe(true)
    }
    await page.close()
  })

  it('has no serious or critical axe-core (WCAG 2 AA) violations on home, report and year pages', async () => {
    const page = await openPage(browser)
    const found: string[] = []
    for (const { name, path } of pages) {
      await page.goto(server.url + path)
      await page.addScriptTag({ path: axePath })
      const violations = await page.evaluate(async () => {
        // axe is injected above as a global script; the page has no types for it.
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })
        return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, count: violation.nodes.length }))
      })
      for (const violation of violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') found.push(`${name}: ${violation.id} ×${violation.count}`)
      }
    }
    expect(found).toEqual([])
    await page.close()
  })
})
