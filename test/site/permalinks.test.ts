import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/build/index.ts'
import { idsOf, listFiles, projectRoot, readPage } from './build-temp-site.ts'

/** A temporary copy of the bundled reports (with their committed permalinks.json), built with permalinks recorded. */
async function workspace() {
  const work = await mkdtemp(path.join(tmpdir(), 'permalinks-'))
  const reportsDir = path.join(work, 'reports')
  await cp(path.join(projectRoot, 'reports'), reportsDir, { recursive: true })
  const build = (name: string) => buildSite({ reportsDir, outDir: path.join(work, name), index: false, recordPermalinks: true })
  return { work, reportsDir, build }
}

/** Source file of the report each report JSON describes, keyed by URL. */
async function sourcesByUrl(outDir: string): Promise<Map<string, string>> {
  const data = JSON.parse(await readFile(path.join(outDir, 'data/reports.json'), 'utf8')) as { url: string; source: { file: string } }[]
  return new Map(data.map((entry) => [new URL(entry.url).pathname, entry.source.file]))
}

/** Each heading's and paragraph's id → the text it starts with. */
function targetsOf(html: string): Map<string, string> {
  const targets = new Map<string, string>()
  for (const match of html.matchAll(/<(h[2-6]|p) id="([^"]+)">(?:<span class="section-number">[^<]*<\/span>)?([^<]*)/g)) {
    targets.set(match[2] ?? '', match[3] ?? '')
  }
  return targets
}

describe('permalinks', () => {
  it('the committed registry gives the bundled reports their published URLs and a build leaves it unchanged', async () => {
    const { reportsDir, work, build } = await workspace()
    const before = await readFile(path.join(reportsDir, 'permalinks.json'), 'utf8')
    const summary = await build('site')
    expect(summary.permalinks).toMatchObject({ added: 0, changed: 0, removed: 0, written: false })
    expect(await readFile(path.join(reportsDir, 'permalinks.json'), 'utf8')).toBe(before)
    expect([...(await sourcesByUrl(path.join(work, 'site'))).keys()].sort()).toEqual([
      '/reports/2020/tianjin-wuqing/',
      '/reports/2022/sichuan-bazhong-zwfwdsjglj/',
      '/reports/2022/tianjin-zwfwb/',
      '/reports/2023/tianjin-binhai-gxq/',
    ])
  }, 240_000)

  it('adding a file that infers an existing id moves no URL or anchor', async () => {
    const { reportsDir, work, build } = await workspace()
    await build('before')
    const original = await readFile(path.join(reportsDir, '2022/tianjin-zwfwb.txt'), 'utf8')
    // Sorts before tianjin-zwfwb.txt ('-' < '.'), so first-come-by-path alone would hand it the URL.
    // Another report (not a copy: a copy is published once), whose text infers the same id.
    await writeFile(path.join(reportsDir, '2022/tianjin-zwfwb-gbk.txt'), original.replace('一、法治政府建设', '一、法治政府建设工作'))
    const summary = await build('after')
    const before = await sourcesByUrl(path.join(work, 'before'))
    const after = await sourcesByUrl(path.join(work, 'after'))
    for (const [url, file] of before) expect(after.get(url), url).toBe(file)
    expect(after.get('/reports/2022/tianjin-zwfwb-2/')).toBe('2022/tianjin-zwfwb-gbk.txt')
    expect(summary.messages.filter((m) => m.ruleId === 'duplicate-id').map((m) => m.file)).toEqual(['2022/tianjin-zwfwb-gbk.txt'])
    const oldPages = (await listFiles(path.join(work, 'before'))).filter((file) => file.endsWith('.html'))
    const newPages = new Set(await listFiles(path.join(work, 'after')))
    for (const page of oldPages) {
      expect(newPages.has(page), page).toBe(true)
      const url = `/${page.replace(/index\.html$/, '')}`
      const oldIds = idsOf(await readPage(path.join(work, 'before'), url))
      const newIds = new Set(idsOf(await readPage(path.join(work, 'after'), url)))
      for (const id of oldIds) expect(newIds.has(id), `${url}#${id}`).toBe(true)
    }
    // The year page anchors a province by its region slug, not by its position.
    expect(idsOf(await readPage(path.join(work, 'after'), '/years/2022/'))).toEqual(expect.arrayContaining(['sichuansheng', 'tianjinshi']))
  }, 240_000)

  it('a report split differently keeps every published section and paragraph anchor on the same text', async () => {
    const { reportsDir, work, build } = await workspace()
    await build('before')
    const file = path.join(reportsDir, '2022/tianjin-zwfwb.txt')
    const original = await readFile(file, 'utf8')
    // A new first sub-part: every later sub-part of 一、 moves down one place, as when the parser learns a new heading.
    await writeFile(file, original.replace('一、法治政府建设主要举措和成效\n', '一、法治政府建设主要举措和成效\n\n（一）新增的一节\n\n新增一段说明文字。\n'))
    const summary = await build('after')
    expect(summary.permalinks).toMatchObject({ added: 0, changed: 0, removed: 0, written: true })
    const url = '/reports/2022/tianjin-zwfwb/'
    const before = targetsOf(await readPage(path.join(work, 'before'), url))
    const after = targetsOf(await readPage(path.join(work, 'after'), url))
    expect(before.size).toBeGreaterThan(20)
    for (const [id, text] of before) expect(after.get(id), `#${id}`).toBe(text)
    // The new section got an anchor no earlier build gave out.
    const added = [...after].find(([, text]) => text === '新增的一节')?.[0]
    expect(added).toBeDefined()
    expect(before.has(added ?? '')).toBe(false)
  }, 240_000)

  it('a sidecar that sets a new id redirects the old URL and lists it in formerIds', async () => {
    const { reportsDir, work, build } = await workspace()
    await build('before')
    await writeFile(path.join(reportsDir, '2020/tianjin-wuqing.meta.yaml'), 'id: 2020-tianjin-wuqingqu\n')
    const summary = await build('after')
    expect(summary.permalinks).toMatchObject({ changed: 1, written: true })
    const out = path.join(work, 'after')
    const redirect = await readPage(out, '/reports/2020/tianjin-wuqing/')
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=/reports/2020/tianjin-wuqingqu/">')
    expect(redirect).toContain('<link rel="canonical" href="http://localhost:8080/reports/2020/tianjin-wuqingqu/">')
    expect(redirect).toContain('href="/reports/2020/tianjin-wuqingqu/"')
    const json = JSON.parse(await readFile(path.join(out, 'data/reports/2020-tianjin-wuqingqu.json'), 'utf8')) as { formerIds?: string[] }
    expect(json.formerIds).toEqual(['2020-tianjin-wuqing'])
    expect(await readPage(out, '/reports/2020/tianjin-wuqingqu/')).toContain('<h1')
    // The agency page named after the old id moves too, and the old JSON still answers.
    expect(await readPage(out, '/agencies/tianjin-wuqing/')).toContain('url=/agencies/tianjin-wuqingqu/')
    expect(JSON.parse(await readFile(path.join(out, 'data/reports/2020-tianjin-wuqing.json'), 'utf8')).id).toBe('2020-tianjin-wuqingqu')
    expect(await readFile(path.join(out, 'sitemap.xml'), 'utf8')).not.toContain('/reports/2020/tianjin-wuqing/<')
    // Removing the report keeps its URLs answering, with a page that says it is gone.
    await rm(path.join(reportsDir, '2020/tianjin-wuqing.txt'))
    await build('gone')
    expect(await readPage(path.join(work, 'gone'), '/reports/2020/tianjin-wuqingqu/')).toContain('报告已移除')
  }, 240_000)
})
