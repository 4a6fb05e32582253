// End-to-end: the real site (real parser, Eleventy, Pagefind) served on loopback, searched in real Chromium.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchSite } from '../../src/search/index.ts'
import { buildSite } from '../../src/build/index.ts'
import { serveStatic, type StaticServer } from '../../src/serve/serve-static.ts'
import { hangGuard, launchChromium, openPage } from './chromium.ts'
import { settled } from './search-page.ts'

let outDir = ''
let server: StaticServer
let browser: Browser
let texts: Map<string, string>

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'e2e-search-'))
  const summary = await buildSite({ outDir })
  expect(summary.reports.length).toBeGreaterThanOrEqual(4)
  texts = await reportTexts(outDir, summary.reports.map((report) => pageUrlOf(report.id, report.year)))
  server = await serveStatic(outDir, { port: 0 })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(outDir, { recursive: true, force: true })
})

describe('search page', () => {
  it('finds every report holding a 2-character and a 4-character query, and only those', async () => {
    const page = await open('search/?q=普法')
    for (const query of ['普法', '营商环境']) {
      await search(page, query)
      expect((await resultUrls(page)).sort()).toEqual(pagesContaining(query))
      expect(await page.locator('.search-hit-excerpt mark').first().textContent()).toBe(query)
    }
    expect(pagesContaining('营商环境')).toHaveLength(4)
    // Excerpts read as written: no word breaks or spaces between Chinese characters.
    const excerpts = await page.locator('.search-hit-excerpt').allTextContents()
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/\u200b|(?<=\p{Script=Han}) (?=\p{Script=Han})/u)
    await page.close()
  })

  it('finds a phrase from one report only and opens its section', async () => {
    const phrase = '公平竞争审查'
    expect(pagesContaining(phrase)).toHaveLength(1)
    const page = await open(`search/?q=${encodeURIComponent(phrase)}`)
    expect(await resultUrls(page)).toEqual(pagesContaining(phrase))
    const sub = page.locator('.search-hit-sections a').first()
    const href = (await sub.getAttribute('href')) ?? ''
    await sub.click()
    await page.waitForURL((url) => url.hash.length > 1, hangGuard)
    await page.waitForSelector('html[data-highlight="done"]', { state: 'attached', ...hangGuard })
    const hash = await page.evaluate(() => location.hash)
    expect(href.endsWith(hash)).toBe(true)
    const section = await page.evaluate(() => {
      const target = document.querySelector(':target')
      return (target?.closest('section') ?? target?.parentElement)?.textContent ?? ''
    })
    expect(section.replace(/\s+/g, '')).toContain(phrase)
    expect(await page.locator('.report-body mark').count()).toBeGreaterThan(0)
    await page.close()
  })

  it('narrows results with the year filter and puts it in the URL', async () => {
    const page = await open('search/?q=营商环境')
    const all = await resultUrls(page)
    await page.selectOption('#search-year', '2022')
    await settled(page)
    expect(page.url()).toContain('year=2022')
    expect((await resultUrls(page)).length).toBeLessThan(all.length)
    for (const url of await resultUrls(page)) expect(url).toContain('/reports/2022/')
    await page.goBack()
    await settled(page)
    expect(await page.locator('#search-year').inputValue()).toBe('')
    expect((await resultUrls(page)).length).toBe(all.length)
    await page.close()
  })

  it('shows the first results before fetching the filter menus, then fills them with counts', async () => {
    const page = await openPage(browser)
    const requests: string[] = []
    page.on('request', (request) => requests.push(new URL(request.url()).pathname))
    await page.goto(`${server.url}search/?q=${encodeURIComponent('营商环境')}`)
    await settled(page)
    expect(await page.locator('#search-year option').count()).toBeGreaterThan(1)
    const firstFragment = requests.findIndex((url) => url.endsWith('.pf_fragment'))
    expect(firstFragment).toBeGreaterThan(-1)
    // Before the hits, a bundle reads one filter chunk at most: the year group it is searched by.
    const early = requests.slice(0, firstFragment).filter((url) => url.endsWith('.pf_filter'))
    expect(new Set(early.map((url) => url.split('/filter/')[0])).size).toBe(early.length)
    expect(requests.filter((url) => url.endsWith('.pf_filter')).length).toBeGreaterThan(early.length)
    // One result page is 10 hits: no more fragments than that before "more" is asked for.
    expect(requests.filter((url) => url.endsWith('.pf_fragment')).length).toBeLessThanOrEqual(10)
    expect(await page.locator('#search-year option[value="2022"]').textContent()).toMatch(/^2022年度（[1-9]\d*）$/)
    await page.close()
  })

  it('lists hits newest year first, and by how often they use the words when sorted by relevance', async () => {
    const page = await open(`search/?q=${encodeURIComponent('营商环境')}`)
    const years = (await resultUrls(page)).map((url) => Number(/\/reports\/(\d{4})\//.exec(url)?.[1]))
    expect(years).toEqual([...years].sort((a, b) => b - a))
    const uses = (url: string): number => (texts.get(url) ?? '').split('营商环境').length - 1
    const mostUses = pagesContaining('营商环境').sort((a, b) => uses(b) - uses(a))[0]
    expect(years[0] === Number(/\/(\d{4})\//.exec(mostUses ?? '')?.[1])).toBe(false) // the orders differ here
    await page.selectOption('#search-sort', 'relevance')
    await settled(page)
    expect(page.url()).toContain('sort=relevance')
    expect((await resultUrls(page))[0]).toBe(mostUses)
    await page.close()
  })

  it('restores query and filters from a shared URL', async () => {
    const page = await open(`search/?q=${encodeURIComponent('营商环境')}&year=2022&kind=achievements`)
    expect(await page.locator('#search-q').inputValue()).toBe('营商环境')
    expect(await page.locator('#search-year').inputValue()).toBe('2022')
    expect(await page.locator('#search-kind').inputValue()).toBe('achievements')
    const anchors = await page.locator('.search-hit-sections a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash))
    expect(anchors.length).toBeGreaterThan(0)
    for (const anchor of anchors) expect(anchor).toMatch(/^#achievements(-|$)/)
    await page.close()
  })

  it('says when nothing is found and offers to drop the filters', async () => {
    const page = await open(`search/?q=${encodeURIComponent('量子引力波')}&year=2020`)
    expect(await page.locator('#search-status').textContent()).toContain('没有找到结果')
    const link = page.locator('#search-status a')
    expect(await link.getAttribute('href')).toBe(`/search/?q=${encodeURIComponent('量子引力波')}`)
    await page.close()
  })

  it('has no serious or critical axe violations with results shown', async () => {
    const page = await open('search/?q=普法')
    await page.addScriptTag({ content: await readFile('node_modules/axe-core/axe.min.js', 'utf8') })
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe
      return (await axe.run()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
    })
    expect(violations).toEqual([])
    await page.close()
  })

  it('returns the same top results as the offline CLI', async () => {
    const page = await open('search/?q=普法')
    for (const query of ['普法', '营商环境', '行政复议', '公平竞争审查']) {
      await search(page, query)
      const cli = await searchSite(outDir, { q: query }, 5)
      expect((await resultUrls(page)).slice(0, 5)).toEqual(cli.value?.hits.map((hit) => hit.url))
    }
    await page.close()
  })

  it('tells visitors without JavaScript where to browse instead', async () => {
    const page = await openPage(browser, 1280, { javaScriptEnabled: false })
    await page.goto(`${server.url}search/`)
    expect(await page.locator('[data-search-nojs]').isVisible()).toBe(true)
    expect(await page.locator('[data-search-nojs] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/years/', '/regions/'])
    await page.close()
  })

  it('takes screenshots at desktop and phone widths', async () => {
    await mkdir('/tmp/shots', { recursive: true })
    for (const width of [1280, 375]) {
      const page = await open('search/?q=行政复议', width)
      await page.screenshot({ path: `/tmp/shots/search-${width}.png`, fullPage: true })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await page.close()
    }
  })
})

async function open(relative: string, width = 1280): Promise<Page> {
  const page = await openPage(browser, width)
  await page.goto(server.url + relative)
  await settled(page)
  return page
}

async function search(page: Page, query: string): Promise<void> {
  await page.fill('#search-q', query)
  await page.press('#search-q', 'Enter')
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query, hangGuard)
  await settled(page)
}


async function resultUrls(page: Page): Promise<string[]> {
  return page.locator('.search-hit-title a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))
}

function pagesContaining(query: string): string[] {
  return [...texts].filter(([, text]) => text.includes(query)).map(([url]) => url).sort()
}

function pageUrlOf(id: string, year: number | null): string {
  return `/reports/${year}/${id.replace(/^\d{4}-/, '')}/`
}

/** The text of each report page from its article on (title, sections and the rest), tags and spaces removed. */
async function reportTexts(root: string, urls: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  for (const url of urls) {
    const html = await readFile(path.join(root, url, 'index.html'), 'utf8')
    const body = html.slice(html.indexOf('<article class="report">'))
    texts.set(url, body.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, '').replace(/\s+/g, ''))
  }
  return texts
}
