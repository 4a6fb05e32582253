import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { addUrls, type AddOutcome } from '../../src/acquire/index.ts'
import { buildSite } from '../../src/build/index.ts'
import { launchChromium } from '../e2e/chromium.ts'
import { makeDocx } from './make-docx.ts'
import { printPdf, printScan } from './make-pdf.ts'
import { reportPage } from './report-html.ts'

/** GBK bytes of `text`, produced by the system iconv (the reference encoder). */
function gbk(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text })
}

/** What the server answers per path: status, headers, body; `hang` never answers; `flaky` fails once with 500. */
type Route = { status?: number; headers?: Record<string, string>; body?: Uint8Array | string } | 'hang'

const fast = { timeoutMs: 2_000, backoffMs: 1, maxBytes: 1024 * 1024 }

describe('npm run add (addUrls) against a local server', () => {
  let server: Server
  let origin = ''
  let root = ''
  let browser: Browser
  let version = 1
  let flakyCalls = 0
  let visits = 0
  const routes = new Map<string, Route>()
  const served = new Map<string, Uint8Array>()
  let first: AddOutcome[] = []
  const url = (route: string) => `${origin}${route}`

  beforeAll(async () => {
    browser = await launchChromium()
    const pdf = await printPdf(browser, await readFile(new URL('../fixtures/acquire/report.html', import.meta.url), 'utf8'))
    const scan = await printScan(browser)
    await browser.close()
    const docx = await makeDocx()
    const html = (body: string | Uint8Array, type = 'text/html; charset=utf-8'): Route => ({ headers: { 'content-type': type }, body })
    routes.set('/robots.txt', { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private/\n' })
    routes.set('/gbk-header.html', html(gbk(reportPage('天津市司法局')), 'text/html; charset=GBK'))
    routes.set('/gbk-meta.html', html(gbk(reportPage('河北省生态环境厅', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'text/html'))
    routes.set('/r1', { status: 301, headers: { location: '/r2' } })
    routes.set('/r2', { status: 302, headers: { location: `${'/r3'}` } })
    routes.set('/r3', html(reportPage('山东省交通运输厅')))
    routes.set('/loop', { status: 302, headers: { location: '/loop' } })
    routes.set('/flaky.html', html(reportPage('江苏省市场监督管理局')))
    routes.set('/slow.html', 'hang')
    routes.set('/huge.html', html('<p>法治</p>'.repeat(200_000)))
    routes.set('/private/report.html', html(reportPage('浙江省司法厅')))
    routes.set('/notice.html', html('<!doctype html><html><head><meta charset="utf-8"><title>关于公布2023年法治政府建设年度报告的通知</title></head><body><div class="content"><p>附件：<a href="/files/%E6%8A%A5%E5%91%8A.pdf">广州市司法局2023年法治政府建设年度报告.pdf</a></p></div></body></html>'))
    routes.set('/files/%E6%8A%A5%E5%91%8A.pdf', { headers: { 'content-type': 'application/pdf', etag: '"pdf-1"', 'last-modified': 'Wed, 20 Mar 2024 08:00:00 GMT' }, body: pdf })
    routes.set('/nanhai.docx', { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, body: docx })
    routes.set('/old.doc', { headers: { 'content-type': 'application/msword' }, body: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]) })
    routes.set('/scan.pdf', { headers: { 'content-type': 'application/pdf' }, body: scan })
    routes.set('/logo.png', { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) })
    server = createServer((request, response) => {
      const pathname = (request.url ?? '/').split('?')[0] ?? '/'
      if (pathname === '/flaky.html' && ++flakyCalls === 1) {
        response.writeHead(500).end('服务器错误')
        return
      }
      const counted = pathname === '/counter.html' ? reportPage('贵州省司法厅', '<meta charset="utf-8">').replace('<div class="nav">', `<div class="visits">浏览次数：${++visits}</div><div class="nav">`) : null
      const route: Route | undefined = counted !== null ? html(counted) : pathname === '/changing.html' ? html(reportPage('四川省人民政府', '<meta charset="utf-8">', version === 1 ? '' : '全年办理行政复议案件三百件。')) : routes.get(pathname)
      if (route === 'hang') return
      if (route === undefined) {
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<p>页面不存在</p>')
        return
      }
      const body = typeof route.body === 'string' ? Buffer.from(route.body) : (route.body ?? Buffer.alloc(0))
      served.set(pathname, body)
      response.writeHead(route.status ?? 200, route.headers).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    root = await mkdtemp(path.join(tmpdir(), 'acquire-'))
    first = await addUrls(
      ['/gbk-header.html', '/gbk-meta.html', '/r1', '/loop', '/missing.html', '/flaky.html', '/slow.html', '/huge.html', '/private/report.html', '/notice.html', '/nanhai.docx', '/old.doc', '/scan.pdf', '/logo.png', '/changing.html', '/counter.html'].map(url),
      { root, fetch: fast },
    )
  }, 180_000)

  afterAll(async () => {
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
    if (root) await rm(root, { recursive: true, force: true })
  })

  const outcome = (route: string) => first.find((entry) => entry.url === url(route)) as AddOutcome
  const sidecarOf = async (file: string) => parse(await readFile(file.replace(/\.[a-z]+$/, '.meta.yml'), 'utf8')) as Record<string, string>

  it('keeps a page whose charset is only in the HTTP header byte for byte, with its provenance', async () => {
    const result = outcome('/gbk-header.html')
    expect(result.status).toBe('added')
    expect(path.relative(root, result.file ?? '')).toBe(path.join('2023', '2023-tianjin-sfj.html'))
    const bytes = await readFile(result.file ?? '')
    expect(Buffer.compare(bytes, served.get('/gbk-header.html') as Buffer)).toBe(0)
    const sidecar = await sidecarOf(result.file ?? '')
    expect(sidecar).toMatchObject({ url: url('/gbk-header.html'), finalUrl: url('/gbk-header.html'), contentType: 'text/html; charset=GBK' })
    expect(sidecar['sha256']).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(new Date(sidecar['retrieved'] ?? '').toISOString()).toBe(sidecar['retrieved'])
    expect(result.message.reason).toContain('已保存为 2023/2023-tianjin-sfj.html')
  })

  it('reads a GBK page whose charset is only in <meta http-equiv>', () => {
    expect(outcome('/gbk-meta.html')).toMatchObject({ status: 'added' })
    expect(path.basename(outcome('/gbk-meta.html').file ?? '')).toBe('2023-hebei-sthjt.html')
  })

  it('follows a redirect chain and records the final address', async () => {
    const result = outcome('/r1')
    expect(result.status).toBe('added')
    expect(await sidecarOf(result.file ?? '')).toMatchObject({ url: url('/r1'), finalUrl: url('/r3') })
  })

  it('retries a 500 and keeps the page it then gets', () => {
    expect(outcome('/flaky.html').status).toBe('added')
    expect(flakyCalls).toBe(2)
  })

  it('names the URL and the reason of every failure', () => {
    const failures = Object.fromEntries(first.filter((entry) => entry.status === 'failed').map((entry) => [new URL(entry.url).pathname, entry.message.ruleId]))
    expect(failures).toEqual({
      '/loop': 'too-many-redirects',
      '/missing.html': 'fetch-status',
      '/slow.html': 'fetch-timeout',
      '/huge.html': 'fetch-too-large',
      '/private/report.html': 'robots-disallowed',
      '/old.doc': 'legacy-word',
      '/scan.pdf': 'scanned-pdf',
      '/logo.png': 'unsupported-format',
    })
    expect(outcome('/missing.html').message.reason).toContain('HTTP 404')
    expect(outcome('/scan.pdf').message.reason).toContain('PDF 无文字层，需 OCR')
    expect(outcome('/old.doc').message.reason).toContain('.docx')
    for (const failure of first.filter((entry) => entry.status === 'failed')) expect(failure.message.file).toBe(failure.url)
  })

  it('follows a page that is only an attachment link to the PDF, keeping the page URL', async () => {
    const result = outcome('/notice.html')
    expect(result.status).toBe('added')
    expect(path.extname(result.file ?? '')).toBe('.pdf')
    expect(await sidecarOf(result.file ?? '')).toMatchObject({
      url: url('/files/%E6%8A%A5%E5%91%8A.pdf'),
      pageUrl: url('/notice.html'),
      contentType: 'application/pdf',
      etag: '"pdf-1"',
      lastModified: 'Wed, 20 Mar 2024 08:00:00 GMT',
    })
  })

  it('keeps a .docx', () => {
    expect(outcome('/nanhai.docx').status).toBe('added')
    expect(path.extname(outcome('/nanhai.docx').file ?? '')).toBe('.docx')
  })

  it('changes nothing when the same URLs are added again with the same bytes', async () => {
    const before = await listTree(root)
    const again = await addUrls([url('/gbk-header.html'), url('/nanhai.docx')], { root, fetch: fast })
    expect(again.map((entry) => entry.status)).toEqual(['unchanged', 'unchanged'])
    expect(await listTree(root)).toEqual(before)
  })

  it('keeps a changed page as a new version beside the old one on --refresh, and the build publishes the latest', async () => {
    version = 2
    const refreshed = await addUrls([], { root, refresh: true, fetch: fast })
    const changed = refreshed.filter((entry) => entry.status === 'changed')
    expect(changed.map((entry) => entry.url)).toEqual([url('/changing.html')])
    expect(refreshed.filter((entry) => entry.status === 'failed')).toEqual([])
    // The counter page's bytes differ on every visit, but its report text does not: no new version.
    const counter = refreshed.find((entry) => entry.url === url('/counter.html'))
    expect(counter?.status).toBe('unchanged')
    expect(counter?.message.reason).toContain('只有网页的其他部分变了')
    const newer = changed[0]?.file ?? ''
    expect(path.basename(newer)).toBe('2023-sichuan.v2.html')
    expect(await sidecarOf(newer)).toMatchObject({ previous: '2023-sichuan.html', url: url('/changing.html') })
    const tree = await listTree(root)
    expect(tree).toContain('2023/2023-sichuan.html')
    expect(tree).toContain('2023/2023-sichuan.meta.yml')
    const summary = await buildSite({ reportsDir: root, outDir: path.join(root, '..', `${path.basename(root)}-site`), index: false })
    try {
      expect(summary.failures).toEqual([])
      const byFile = new Map(summary.reports.map((report) => [report.source.file, report]))
      expect([...byFile.keys()].sort()).toEqual(
        [
          '2023/2023-guangdong-foshan-nanhai.docx',
          '2023/2023-guangdong-guangzhou-sfj.pdf',
          '2023/2023-guizhou-sft.html',
          '2023/2023-hebei-sthjt.html',
          '2023/2023-jiangsu-scjdglj.html',
          '2023/2023-shandong-jtyst.html',
          '2023/2023-sichuan.v2.html',
          '2023/2023-tianjin-sfj.html',
        ],
      )
      for (const report of summary.reports) expect(report.sections.map((section) => section.kind)).toEqual(expect.arrayContaining(['achievements', 'leadership', 'shortcomings', 'plans']))
      // The latest version is published under the permalink, says it changed, and links the comparison and the originals.
      const sichuan = byFile.get('2023/2023-sichuan.v2.html')
      expect(sichuan?.source.versions?.map((entry) => entry.file)).toEqual(['2023/2023-sichuan.html'])
      const page = await readFile(path.join(summary.outDir, 'reports', '2023', 'sichuan', 'index.html'), 'utf8')
      expect(page).toMatch(/原文于 \d{4}-\d{2}-\d{2} 修改/)
      const changes = await readFile(path.join(summary.outDir, 'reports', '2023', 'sichuan', 'changes', 'index.html'), 'utf8')
      expect(changes).toContain('<ins>全年办理行政复议案件三百件。</ins>')
      expect(changes).toMatch(/改动约占全文 \d+\.\d%（删去 0 字，新增 14 字）/)
      const copies: Array<[string, string]> = [['2023-sichuan.html.txt', '2023/2023-sichuan.html'], ['2023-sichuan.v2.html.txt', '2023/2023-sichuan.v2.html']]
      for (const [name, original] of copies) {
        const copy = await readFile(path.join(summary.outDir, 'reports', '2023', 'sichuan', 'original', name))
        expect(Buffer.compare(copy, await readFile(path.join(root, original)))).toBe(0)
      }
      const pdfPage = await readFile(path.join(summary.outDir, 'reports', '2023', 'guangdong-guangzhou-sfj', 'index.html'), 'utf8')
      expect(pdfPage).toContain('href="/reports/2023/guangdong-guangzhou-sfj/original/2023-guangdong-guangzhou-sfj.pdf"')
      // The table of contents points each part at the PDF page it starts on; the A5 print puts the later parts on page 2.
      expect(pdfPage).toContain('original/2023-guangdong-guangzhou-sfj.pdf#page=1">原文第 1 页</a>')
      expect(pdfPage).toContain('original/2023-guangdong-guangzhou-sfj.pdf#page=2">原文第 2 页</a>')
    } finally {
      await rm(summary.outDir, { recursive: true, force: true })
    }
  }, 180_000)
})

/** Every file under `root`, posix paths, sorted. */
async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}
