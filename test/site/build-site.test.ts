import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse as parseCsv } from 'csv-parse/sync'
import { XMLParser } from 'fast-xml-parser'
import type { Element } from 'hast'
import { HtmlValidate } from 'html-validate'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import { locateReport } from '../../src/site/locate-report.ts'
import type { Report, Section } from '../../src/types.ts'
import { buildTempSite, idsOf, listFiles, projectRoot, readPage, type TempSite } from './build-temp-site.ts'

let site: TempSite
let pages: string[]

beforeAll(async () => {
  site = await buildTempSite(['hostile'])
  pages = (await listFiles(site.outDir)).filter((file) => file.endsWith('.html'))
})

function allSections(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.children)])
}

function byId(id: string): Report {
  const report = site.summary.reports.find((candidate) => candidate.id === id)
  if (!report) throw new Error(`no report ${id}`)
  return report
}

describe('buildSite', () => {
  it('publishes the four bundled reports and the fixture', () => {
    expect(site.summary.reports.map((report) => report.id).sort()).toEqual([
      '2020-tianjin-wuqing',
      '2022-hebei-baoding-laishui',
      '2022-sichuan-bazhong-zwfwdsjglj',
      '2022-tianjin-zwfwb',
      '2023-tianjin-binhai-gxq',
    ])
    expect(site.summary.failures).toEqual([])
  })

  it('writes each report page at its permalink with every section, heading anchor and paragraph anchor', async () => {
    for (const report of site.summary.reports) {
      const html = await readPage(site.outDir, locateReport(report.id).url)
      expect(html).toContain('<html lang="zh-CN">')
      // The search index is made from page data: no markup on the page is for Pagefind's sake.
      expect(html).not.toMatch(/data-pagefind-(body|filter|meta|sort)/)
      for (const section of allSections(report.sections)) {
        expect(html).toContain(`<section aria-labelledby="${section.anchor}" data-kind="${section.kind}">`)
        expect(html).toMatch(new RegExp(`<h[2-6] id="${section.anchor}">`))
        expect(html).toContain(`href="#${section.anchor}"`)
        section.paragraphs.forEach((_, index) => expect(html).toContain(`<p id="${section.anchor}-p${index + 1}">`))
      }
    }
  })

  it('puts undated reports under /reports/undated/', () => {
    expect(locateReport('undated-foo-bar').url).toBe('/reports/undated/foo-bar/')
    expect(locateReport('2022-tianjin-zwfwb').agencyUrl).toBe('/agencies/tianjin-zwfwb/')
  })

  it('lists the right reports on year, agency and region pages', async () => {
    const year2022 = await readPage(site.outDir, '/years/2022/')
    expect(year2022).toContain('href="/reports/2022/tianjin-zwfwb/"')
    expect(year2022).toContain('href="/reports/2022/sichuan-bazhong-zwfwdsjglj/"')
    expect(year2022).not.toContain('href="/reports/2020/tianjin-wuqing/"')
    const shortcomings = await readPage(site.outDir, '/years/2022/shortcomings/')
    expect(shortcomings).toContain('2022年 · 存在的不足和原因')
    expect(shortcomings).toContain('href="/reports/2022/hebei-baoding-laishui/#shortcomings"')
    const agency = await readPage(site.outDir, '/agencies/tianjin-zwfwb/')
    expect(agency).toContain('href="/reports/2022/tianjin-zwfwb/"')
    expect(agency).not.toContain('href="/reports/2020/tianjin-wuqing/"')
    const tianjin = await readPage(site.outDir, '/regions/tianjinshi/')
    for (const id of ['2020-tianjin-wuqing', '2022-tianjin-zwfwb', '2023-tianjin-binhai-gxq']) {
      expect(tianjin).toContain(`href="${locateReport(id).url}"`)
    }
    expect(tianjin).not.toContain('bazhong')
    const county = await readPage(site.outDir, '/regions/hebeisheng/baodingshi/laishuixian/')
    expect(county).toContain('href="/reports/2022/hebei-baoding-laishui/"')
  })

  it('counts a leadership item nested in the achievements part as found, and lists it in the cross-report view', async () => {
    const leadership = await readPage(site.outDir, '/years/2020/leadership/')
    expect(leadership).toContain('href="/reports/2020/tianjin-wuqing/#leadership"')
    const year2020 = await readPage(site.outDir, '/years/2020/')
    expect(year2020).toContain('有第一责任人职责')
    expect(year2020).not.toContain('缺少第一责任人职责')
  })

  it('shows timeliness against the statutory deadline', async () => {
    const html = await readPage(site.outDir, '/reports/2022/hebei-baoding-laishui/')
    expect(byId('2022-hebei-baoding-laishui').published).toBe('2023-03-20')
    expect(html).toContain('按时')
    expect(html).toContain('公开期限 2023年3月31日')
    expect(html).toContain('依据：《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号')
    const json = JSON.parse(await readFile(path.join(site.outDir, 'data/reports/2022-hebei-baoding-laishui.json'), 'utf8'))
    expect(json).toMatchObject({ deadline: '2023-03-31', daysLate: -11 })
    expect(json.rule).toContain('第二十四条')
  })

  it('shows a composed title in square brackets on the page and in lists', async () => {
    expect(byId('2020-tianjin-wuqing').titleInferred).toBe(true)
    const html = await readPage(site.outDir, '/reports/2020/tianjin-wuqing/')
    expect(html).toContain('<h1>[天津市武清区人民政府2020年度法治政府建设情况报告]</h1>')
    const agency = await readPage(site.outDir, locateReport('2020-tianjin-wuqing').agencyUrl)
    expect(agency).toContain('>[天津市武清区人民政府2020年度法治政府建设情况报告]</a>')
  })

  it('publishes every report as JSON valid against report.schema.json', async () => {
    const schema = JSON.parse(await readFile(path.join(projectRoot, 'src/report.schema.json'), 'utf8'))
    const ajv = new Ajv2020.default({ allErrors: true, strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(schema)
    const files = (await listFiles(path.join(site.outDir, 'data/reports'))).filter((file) => file.endsWith('.json'))
    expect(files).toHaveLength(site.summary.reports.length)
    for (const file of files) {
      const data = JSON.parse(await readFile(path.join(site.outDir, 'data/reports', file), 'utf8'))
      expect(validate(data), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    }
    const published = JSON.parse(await readFile(path.join(site.outDir, 'data/report.schema.json'), 'utf8'))
    expect(published).toEqual(schema)
  })

  it('writes reports.json without bodies and a CSV with a BOM and one row per report', async () => {
    const text = await readFile(path.join(site.outDir, 'data/reports.json'), 'utf8')
    const list = JSON.parse(text) as Record<string, unknown>[]
    expect(list).toHaveLength(site.summary.reports.length)
    // Written in one part per report, laid out as one `JSON.stringify(list, null, 2)` lays it out.
    expect(text).toBe(`${JSON.stringify(list, null, 2)}\n`)
    expect(list.every((entry) => !('sections' in entry))).toBe(true)
    const csv = await readFile(path.join(site.outDir, 'data/reports.csv'), 'utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.map((row) => row.id).sort()).toEqual(site.summary.reports.map((report) => report.id).sort())
    expect(rows.find((row) => row.id === '2022-tianjin-zwfwb')?.agency).toBe('天津市人民政府政务服务办公室')
    const laishui = rows.find((row) => row.id === '2022-hebei-baoding-laishui')
    expect([laishui?.deadline, laishui?.daysLate]).toEqual(['2023-03-31', '-11'])
    expect(laishui?.rule).toContain('厅字〔2019〕28号')
  })

  it('writes an Atom feed, a sitemap and robots.txt', async () => {
    const parser = new XMLParser({ ignoreAttributes: false })
    const feed = parser.parse(await readFile(path.join(site.outDir, 'feed.xml'), 'utf8'))
    const entries = [feed.feed.entry].flat()
    // Every report, dated ones newest first, then those without a date: no <published>, never an invented one.
    expect(entries).toHaveLength(site.summary.reports.length)
    const dated = site.summary.reports.filter((report) => report.published).length
    const dates = entries.map((entry: { published?: string }) => entry.published)
    expect(dates.slice(0, dated)).toEqual([...dates.slice(0, dated)].sort().reverse())
    expect(dates.slice(dated)).toEqual(Array(site.summary.reports.length - dated).fill(undefined))
    expect(dated).toBeLessThan(site.summary.reports.length)
    const sitemap = parser.parse(await readFile(path.join(site.outDir, 'sitemap.xml'), 'utf8'))
    const locs = [sitemap.urlset.url].flat().map((entry: { loc: string }) => entry.loc)
    expect(locs).toContain('http://localhost:8080/reports/2022/tianjin-zwfwb/')
    expect(locs).not.toContain('http://localhost:8080/404.html')
    // The list is made from the page data, not the folder: it must name exactly the pages Eleventy wrote, but 404.
    const written = (await readdir(site.outDir, { recursive: true }))
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
      .sort()
    const listed = locs.map((loc) => loc.replace('http://localhost:8080/', '').replace(/(^|\/)$/, '$1index.html')).sort()
    expect(written).toEqual([...listed, '404.html'].sort())
    const robots = await readFile(path.join(site.outDir, 'robots.txt'), 'utf8')
    expect(robots).toContain('Sitemap: http://localhost:8080/sitemap.xml')
  })

  it('has no broken internal link or fragment, and loads nothing from another origin', async () => {
    const idCache = new Map<string, Set<string>>()
    const idsAt = async (file: string) => {
      let ids = idCache.get(file)
      if (!ids) {
        ids = new Set(idsOf(await readFile(path.join(site.outDir, file), 'utf8')))
        idCache.set(file, ids)
      }
      return ids
    }
    const files = new Set(await listFiles(site.outDir))
    const broken: string[] = []
    const foreign: string[] = []
    for (const page of pages) {
      const tree = unified().use(rehypeParse).parse(await readFile(path.join(site.outDir, page), 'utf8'))
      const links: { url: string; element: Element }[] = []
      visit(tree, 'element', (element: Element) => {
        for (const name of ['href', 'src', 'action']) {
          const value = element.properties[name]
          if (typeof value === 'string') links.push({ url: value, element })
        }
      })
      for (const { url, element } of links) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
          const rel = [element.properties.rel].flat().join(' ')
          if (!(element.tagName === 'a' && rel.includes('external'))) foreign.push(`${page}: ${url}`)
          continue
        }
        if (url.startsWith('#:~:text=')) continue
        const resolved = new URL(url, `http://site/${page}`)
        let target = decodeURIComponent(resolved.pathname).slice(1)
        if (target === '' || target.endsWith('/')) target += 'index.html'
        if (!files.has(target)) {
          broken.push(`${page}: ${url}`)
          continue
        }
        const fragment = decodeURIComponent(resolved.hash.slice(1))
        if (fragment && target.endsWith('.html') && !(await idsAt(target)).has(fragment)) broken.push(`${page}: ${url} (no #${fragment})`)
      }
    }
    expect(broken).toEqual([])
    expect(foreign).toEqual([])
  })

  it('escapes markup, scripts and entities from report text', async () => {
    const html = await readPage(site.outDir, '/reports/2022/hebei-baoding-laishui/')
    expect(html).not.toMatch(/<script>alert/)
    expect(html).not.toMatch(/<img[^>]*onerror/i)
    expect(html).not.toMatch(/href="javascript:/i)
    expect(html).toContain('&#x3C;script>alert')
    expect(html).toContain('&#x26;amp; 实体')
    const cross = await readPage(site.outDir, '/years/2022/achievements/')
    expect(cross).not.toMatch(/<img[^>]*onerror/i)
  })

  it('gives html-validate no errors', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Nunjucks control tags leave trailing spaces; they are not content.
        'no-trailing-whitespace': 'off',
        // Titles carry the full Chinese report title, often longer than 70 characters.
        'long-title': 'off',
        // Paragraph copy links are a pilcrow with an aria-label; the rule wants visible text.
        'text-content': 'off',
        // aria-label on a list (e.g. the search results <ol>) is valid ARIA: lists are namable.
        'aria-label-misuse': ['error', { allowAnyNamable: true }],
      },
    })
    const problems: string[] = []
    for (const page of pages) {
      const report = await validator.validateString(await readFile(path.join(site.outDir, page), 'utf8'), page)
      for (const result of report.results) {
        for (const message of result.messages) {
          if (message.severity === 2) problems.push(`${page}:${message.line} ${message.ruleId} ${message.message}`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})
