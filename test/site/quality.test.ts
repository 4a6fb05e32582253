import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { readReport } from '../../src/ingest/index.ts'
import { buildSite } from '../../src/build/index.ts'
import { buildTempSite, fixtures, readPage, type TempSite } from './build-temp-site.ts'

let site: TempSite

beforeAll(async () => {
  site = await buildTempSite(['quality', 'missing-part'], { index: false })
})

/** The text of an HTML fragment, tags dropped and entities of quotes decoded. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

describe('quality page', () => {
  it('lists a report with an unknown agency by title and file, with a sidecar snippet that parses', async () => {
    const html = await readPage(site.outDir, '/quality/')
    const start = html.indexOf('源文件 <code>2023/unknown-agency.txt</code>')
    expect(start).toBeGreaterThan(-1)
    const item = html.slice(html.lastIndexOf('<section class="work-item"', start), html.indexOf('</section>', start))
    expect(item).toContain('>2023年法治政府建设情况报告</a>')
    expect(item).toContain('[unknown-agency]')
    expect(textOf(item)).not.toMatch(/2023-[0-9a-f]{8}/)
    const snippet = textOf(/<pre><code data-copy-source>([\s\S]*?)<\/code><\/pre>/.exec(item)?.[1] ?? '')
    expect(snippet).toMatch(/^# 2023\/unknown-agency\.meta\.yml/)
    expect(snippet).toMatch(/^agency:\s+# 填写报告机构全称/m)
    expect(Object.keys(parseYaml(snippet) as object)).toEqual(['agency', 'published'])
  })

  it('lists each warning once and tallies warnings per rule', async () => {
    const html = await readPage(site.outDir, '/quality/')
    const damaged = html.match(/“深入推进政务服务改革”的编号/g) ?? []
    expect(damaged).toHaveLength(1)
    expect(html).toMatch(/<code>\[damaged-heading-number\]<\/code><\/th><td data-label="说明">标题编号残缺<\/td><td data-label="条数">5<\/td>/)
    expect(html).toMatch(/\[missing-leadership\]<\/code><\/th><td data-label="说明">[^<]+<\/td><td data-label="条数">3<\/td><td data-label="类别">报告事实/)
  })

  it("counts per year the reports without each part and the late ones, as the year's page marks them one by one", async () => {
    const html = await readPage(site.outDir, '/quality/')
    const table = html.slice(html.indexOf('<table class="quality-years'), html.indexOf('</table>', html.indexOf('<table class="quality-years')))
    const labels = [...table.matchAll(/缺<abbr title="([^"]+)">/g)].map((match) => match[1] ?? '')
    expect(labels).toHaveLength(4)
    const rows = [...table.matchAll(/<tr>\s*<th scope="row"><a href="([^"]+)">[\s\S]*?<\/tr>/g)]
    expect(rows.map((row) => row[1])).toEqual(['/years/2023/', '/years/2022/', '/years/2020/'])
    let missingSeen = 0
    for (const [row, url = ''] of rows) {
      const counts = [...row.matchAll(/<td[^>]*>(\d+)<\/td>/g)].map((match) => Number(match[1]))
      const year = await readPage(site.outDir, url)
      // One timeliness cell a report in the year's tables.
      const listed = (year.match(/<td data-label="时效"/g) ?? []).length
      expect(counts[0]).toBe(listed)
      labels.forEach((label, index) => expect(counts[index + 1], `${url} ${label}`).toBe(year.split(`>缺少${label}<`).length - 1))
      expect(counts[5]).toBe((year.match(/>逾期 \d+ 天</g) ?? []).length)
      missingSeen += counts.slice(1, 5).reduce((sum, count) => sum + count, 0)
    }
    // The fixtures lack parts: the counts are not all zero.
    expect(missingSeen).toBeGreaterThan(0)
  })

  it('lists reports of unknown agency apart on the agencies page', async () => {
    const html = await readPage(site.outDir, '/agencies/')
    const [known, unknown = ''] = html.split('<h2 id="unknown">')
    expect(known).not.toContain('未知机构')
    expect(unknown).toContain('2023/unknown-agency.txt')
  })

  it('gives 陕西 and 山西 distinct region pages that stay when the other is added', async () => {
    expect(await readPage(site.outDir, '/regions/shaanxisheng/')).toContain('陕西省司法厅2023年')
    expect(await readPage(site.outDir, '/regions/shanxisheng/')).toContain('山西省司法厅2023年')
    expect(await readPage(site.outDir, '/regions/shanxisheng/')).not.toContain('陕西省司法厅')
    const work = await mkdtemp(path.join(tmpdir(), 'regions-'))
    const reportsDir = path.join(work, 'reports')
    await cp(path.join(fixtures, 'missing-part'), reportsDir, { recursive: true })
    await rm(path.join(reportsDir, '2023/shanxi-sft.txt'))
    await buildSite({ reportsDir, outDir: path.join(work, 'a'), index: false, recordPermalinks: true })
    await cp(path.join(fixtures, 'missing-part/2023/shanxi-sft.txt'), path.join(reportsDir, '2023/shanxi-sft.txt'))
    await buildSite({ reportsDir, outDir: path.join(work, 'b'), index: false, recordPermalinks: true })
    for (const out of ['a', 'b']) expect(await readPage(path.join(work, out), '/regions/shaanxisheng/')).toContain('陕西省司法厅2023年')
    expect(await readPage(path.join(work, 'b'), '/years/2023/')).toMatch(/id="shaanxisheng"[\s\S]*id="shanxisheng"/)
  }, 240_000)
})

describe('sidecars', () => {
  it('reads NAME.meta.yaml like NAME.meta.yml', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'sidecar-'))
    await cp(path.join(fixtures, 'quality/2023/unknown-agency.txt'), path.join(work, 'a.txt'))
    await writeFile(path.join(work, 'a.meta.yaml'), 'agency: 某县司法局\nregion: [河北省, 保定市, 涞水县]\n')
    const { value, messages } = await readReport(path.join(work, 'a.txt'), { root: work })
    expect(messages).toEqual([])
    expect(value?.overrides).toEqual({ agency: '某县司法局', region: ['河北省', '保定市', '涞水县'] })
  })
})
