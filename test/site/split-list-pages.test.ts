import { existsSync } from 'node:fs'
import path from 'node:path'
import { HtmlValidate } from 'html-validate'
import { beforeAll, describe, expect, it } from 'vitest'
import { statutoryKinds } from '../../src/vocabulary.ts'
import { buildTempSite, readPage, type TempSite } from './build-temp-site.ts'

let whole: TempSite
let paged: TempSite

beforeAll(async () => {
  // The same reports with each year's pages whole (the default: a few reports), and with one report a part page and
  // a year of more than two reports (and the agencies, more than two) split by province.
  ;[whole, paged] = await Promise.all([
    buildTempSite(['hostile'], { index: false }),
    buildTempSite(['hostile'], { index: false, reportsPerPartPage: 1, listedPerPage: 2 }),
  ])
})

/** The report entries of a part page, as written. */
function entriesOf(html: string): string[] {
  return [...html.matchAll(/<article class="cross-entry"[\s\S]*?<\/article>/g)].map((match) => match[0].replace(/entry-\d+/g, 'entry'))
}

/** The `href`s of a page's links to other pages of the same part. */
function pageLinks(html: string, partUrl: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? '').filter((href) => /^\/years\/\w+\/\w+\/(\d+\/)?$/.test(href) && href.startsWith(partUrl))
}

/** The report tables of a page, as written. */
function tablesOf(html: string): string[] {
  return [...html.matchAll(/<div class="table-wrap">\s*<table class="report-table[\s\S]*?<\/table>\s*<\/div>/g)].map((match) => match[0])
}

describe('a year split by province', () => {
  it("links each province's page under the anchor the whole page gave it, and each shows that province's tables", async () => {
    const one = await readPage(whole.outDir, '/years/2022/')
    const split = await readPage(paged.outDir, '/years/2022/')
    const anchors = [...one.matchAll(/<section aria-labelledby="(\w+)">\s*<h2 id="\1">/g)].map((match) => match[1] ?? '')
    expect(anchors).toEqual(['hebeisheng', 'sichuansheng', 'tianjinshi'])
    expect(tablesOf(split)).toEqual([])
    const shown: string[] = []
    for (const anchor of anchors) {
      expect(split).toContain(`<li id="${anchor}"><a href="/years/2022/${anchor}/">`)
      const section = one.slice(one.indexOf(`<section aria-labelledby="${anchor}">`), one.indexOf('</section>', one.indexOf(`<section aria-labelledby="${anchor}">`)))
      const province = await readPage(paged.outDir, `/years/2022/${anchor}/`)
      expect(tablesOf(province)).toEqual(tablesOf(section))
      expect(province).toContain(`<a href="/years/2022/#${anchor}">2022年</a>`)
      shown.push(...tablesOf(province))
    }
    expect(shown).toEqual(tablesOf(one))
  })

  it('leaves a year within the limit whole', async () => {
    expect(tablesOf(await readPage(paged.outDir, '/years/2020/'))).toEqual(tablesOf(await readPage(whole.outDir, '/years/2020/')))
    expect(tablesOf(await readPage(paged.outDir, '/years/2020/')).length).toBeGreaterThan(0)
    expect(existsSync(path.join(paged.outDir, 'years/2020/tianjinshi/index.html'))).toBe(false)
  })
})

/** The agency lists of a page, as written. */
function agencyListsOf(html: string): string[] {
  return [...html.matchAll(/<ul class="agency-list">[\s\S]*?<\/ul>/g)].map((match) => match[0])
}

describe('the agencies split by province', () => {
  it("links each province's page under the anchor the whole page gave it, and each lists that province's agencies", async () => {
    const one = await readPage(whole.outDir, '/agencies/')
    const split = await readPage(paged.outDir, '/agencies/')
    const anchors = [...one.matchAll(/<section aria-labelledby="(\w+)">\s*<h2 id="\1">/g)].map((match) => match[1] ?? '')
    expect(anchors.length).toBeGreaterThan(1)
    expect(agencyListsOf(split)).toEqual([])
    const shown: string[] = []
    for (const anchor of anchors) {
      expect(split).toContain(`<li id="${anchor}"><a href="/agencies/in/${anchor}/">`)
      const start = one.indexOf(`<section aria-labelledby="${anchor}">`)
      const province = await readPage(paged.outDir, `/agencies/in/${anchor}/`)
      expect(agencyListsOf(province)).toEqual(agencyListsOf(one.slice(start, one.indexOf('</section>', start))))
      expect(province).toContain(`<a href="/agencies/#${anchor}">按机构浏览</a>`)
      shown.push(...agencyListsOf(province))
    }
    // An agency's page leads back to its province on /agencies/, whole or split.
    const first = /<li><a href="(\/agencies\/[^"]+\/)">/.exec(agencyListsOf(one)[0] ?? '')?.[1] ?? ''
    expect(await readPage(paged.outDir, first)).toContain(`<a href="/agencies/#${anchors[0]}">按机构</a>`)
    // Every agency the whole page lists, once, in its order; the agencies of unknown name stay on /agencies/.
    expect(shown).toEqual(agencyListsOf(one))
    expect(shown.join('').match(/<li>/g)?.length).toBeGreaterThan(anchors.length)
    expect(split.includes('id="unknown"')).toBe(one.includes('id="unknown"'))
  })
})

/** The pages of the quality page's work list a split `/quality/` links. */
function qualityPagesOf(html: string): string[] {
  return [...html.matchAll(/href="(\/quality\/\w+\/\w+\/)"/g)].map((match) => match[1] ?? '')
}

/** The work list's entries of a page, as written. */
function workItemsOf(html: string): string[] {
  return [...html.matchAll(/<section class="work-item"[\s\S]*?<\/section>/g)].map((match) => match[0])
}

describe("the quality page's work list split by year and province", () => {
  it('links a page per year and province, which together list every entry of the whole list once, by source file', async () => {
    const one = await readPage(whole.outDir, '/quality/')
    const split = await readPage(paged.outDir, '/quality/')
    const entries = workItemsOf(one)
    expect(entries.length).toBeGreaterThan(2)
    expect(workItemsOf(split)).toEqual([])
    // Both say how many there are.
    expect(one).toContain(`待核对的报告（${entries.length}）`)
    expect(split).toContain(`待核对的报告（${entries.length}）`)
    const links = [...split.matchAll(/<li id="(reports-(\w+)-(\w+))"><a href="([^"]+)">[^<]+<\/a> <span class="muted">(\d+) 篇<\/span>/g)]
    expect(links.length).toBeGreaterThan(1)
    const shown: string[] = []
    for (const [, anchor, year, province, url = '', count] of links) {
      expect(url).toBe(`/quality/${year}/${province}/`)
      const page = await readPage(paged.outDir, url)
      const items = workItemsOf(page)
      expect(items).toHaveLength(Number(count))
      expect(page).toContain(`<a href="/quality/#${anchor}">质量</a>`)
      const files = items.map((item) => /源文件 <code>([^<]+)<\/code>/.exec(item)?.[1] ?? '')
      expect(files).toEqual([...files].sort())
      shown.push(...items)
    }
    // Each entry once, as the whole list writes it; the year headings in the year pages' order.
    expect([...shown].sort()).toEqual([...entries].sort())
    const years = [...split.matchAll(/<h3 id="reports-(\w+)">/g)].map((match) => match[1])
    expect(years).toEqual([...new Set(links.map((link) => link[2]))])
  })

  it('keeps the summary, the tally and the failures on /quality/', async () => {
    // From the counts under the heading to the work list.
    const tally = (html: string) => html.slice(html.indexOf('<p>共 '), html.indexOf('<h2 id="reports">'))
    const one = await readPage(whole.outDir, '/quality/')
    const split = await readPage(paged.outDir, '/quality/')
    expect(tally(split)).toEqual(tally(one))
    expect(tally(one)).toContain('<table class="tally-table')
  })
})

describe("a year's part pages cut into pages", () => {
  it('show, page after page, the entries the one page shows, in its order, at the part address then …/2/, …/3/', async () => {
    for (const kind of statutoryKinds) {
      const partUrl = `/years/2022/${kind}/`
      const one = await readPage(whole.outDir, partUrl)
      expect(pageLinks(one, partUrl)).toEqual([])
      const first = await readPage(paged.outDir, partUrl)
      const links = [...new Set(pageLinks(first, partUrl))].sort()
      // The three 2022 reports: one a page.
      expect(links).toEqual([partUrl, `${partUrl}2/`, `${partUrl}3/`])
      const pages = await Promise.all(links.map((url) => readPage(paged.outDir, url)))
      expect(pages.flatMap(entriesOf)).toEqual(entriesOf(one))
      expect(existsSync(path.join(paged.outDir, partUrl, '4/index.html'))).toBe(false)
      pages.forEach((html, index) => {
        expect(html).toContain(`（第 ${index + 1} 页，共 3 页）`)
        expect(html).toContain(`<a aria-current="page" href="${links[index]}">第 ${index + 1} 页</a>`)
        // Previous and next, at the top and the bottom.
        if (index > 0) expect(html).toContain(`<a rel="prev" href="${links[index - 1]}">`)
        if (index < 2) expect(html).toContain(`<a rel="next" href="${links[index + 1]}">`)
      })
      expect(pages[0]).not.toContain('rel="prev"')
      expect(pages[2]).not.toContain('rel="next"')
    }
  })

  it('lists on each page the reports of its run without the part, and on all four parts the same runs', async () => {
    const reportsOf = (html: string) => [...html.matchAll(/href="(\/reports\/[^"#]+\/)"/g)].map((match) => match[1])
    const runs = await Promise.all(
      statutoryKinds.map(async (kind) => Promise.all(['', '2/', '3/'].map(async (page) => [...new Set(reportsOf(await readPage(paged.outDir, `/years/2022/${kind}/${page}`)))]))),
    )
    for (const run of runs) expect(run).toEqual(runs[0])
    // One report a page, and each report of the year on one page.
    expect(runs[0]?.every((reports) => reports.length === 1)).toBe(true)
    expect(new Set(runs[0]?.flat()).size).toBe(3)
  })

  it('gives html-validate no errors on the paged pages', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-trailing-whitespace': 'off', 'long-title': 'off', 'text-content': 'off' },
    })
    const problems: string[] = []
    for (const url of ['/years/2022/plans/', '/years/2022/plans/2/', '/years/2022/plans/3/', '/years/2022/', '/years/2022/hebeisheng/', '/agencies/', '/agencies/in/hebeisheng/', '/quality/', ...qualityPagesOf(await readPage(paged.outDir, '/quality/'))]) {
      const report = await validator.validateString(await readPage(paged.outDir, url), url)
      for (const result of report.results) for (const message of result.messages) problems.push(`${url}: ${message.ruleId} ${message.message}`)
    }
    expect(problems).toEqual([])
  })
})
