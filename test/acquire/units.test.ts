import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readUrlList } from '../../src/acquire/index.ts'
import { createRobotsCheck } from '../../src/acquire/check-robots.ts'
import { createLimiter } from '../../src/acquire/create-limiter.ts'
import { fetchUrl } from '../../src/acquire/fetch-url.ts'
import { findAttachments, sameSite } from '../../src/acquire/find-attachments.ts'
import { sniffDocument } from '../../src/acquire/sniff-document.ts'
import { userAgent } from '../../src/acquire/user-agent.ts'
import { decodeFetchedBytes } from '../../src/ingest/index.ts'

const gbk = (text: string): Buffer => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text })

describe('decodeFetchedBytes', () => {
  it('takes the charset of the HTTP header first', () => {
    expect(decodeFetchedBytes(gbk('法治政府建设'), 'text/html; charset=GBK')).toEqual({ text: '法治政府建设', encoding: 'gb18030', from: 'header' })
  })
  it('falls back to <meta> when the header names a charset the bytes are not valid in', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="gb2312">'), gbk('法治政府建设')])
    expect(decodeFetchedBytes(bytes, 'text/html; charset=utf-8')).toMatchObject({ encoding: 'gb18030', from: 'meta' })
  })
  it('detects GBK when nothing declares it', () => {
    expect(decodeFetchedBytes(gbk('法治政府建设年度报告，依法行政'), 'text/html')).toMatchObject({ encoding: 'gb18030', from: 'detected' })
  })
})

describe('findAttachments', () => {
  it('lists same-site document links, those naming the report first', () => {
    const html = `<base href="/files/"><p>附件：<a href="photo.doc">照片说明.doc</a> <a href="r.pdf">2023年法治政府建设年度报告.pdf</a>
      <a href="https://other.example.org/x.pdf">别处.pdf</a> <a href="https://sfj.gz.gov.cn/y.docx">报告.docx</a> <a href="page.html">链接</a></p>`
    expect(findAttachments(html, 'https://www.gz.gov.cn/a/b.html').map((attachment) => attachment.url)).toEqual([
      'https://www.gz.gov.cn/files/r.pdf',
      'https://sfj.gz.gov.cn/y.docx',
      'https://www.gz.gov.cn/files/photo.doc',
    ])
  })
  it('treats gov.cn subdomains of one city as one site and two cities as two', () => {
    expect(sameSite(new URL('https://sfj.gz.gov.cn/'), new URL('https://www.gz.gov.cn/'))).toBe(true)
    expect(sameSite(new URL('https://www.sz.gov.cn/'), new URL('https://www.gz.gov.cn/'))).toBe(false)
  })
})

describe('sniffDocument', () => {
  it('tells formats by their bytes before their name', () => {
    expect(sniffDocument(Buffer.from('%PDF-1.7 ...'), 'text/html', 'http://a/x.html')).toEqual({ kind: 'pdf', extension: '.pdf' })
    expect(sniffDocument(Buffer.from('<!doctype html><p>报告'), null, 'http://a/x')).toEqual({ kind: 'html', extension: '.html' })
    expect(sniffDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/octet-stream', 'http://a/x.wps')).toEqual({ kind: 'wps' })
    expect(sniffDocument(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg', 'http://a/x.jpg')).toMatchObject({ kind: 'unsupported' })
  })
})

describe('readUrlList', () => {
  it('reads one URL a line, skipping comments and blank lines', () => {
    expect(readUrlList('# 天津\nhttp://a/1.html\n\n  http://a/2.pdf  # 附件\r\n')).toEqual(['http://a/1.html', 'http://a/2.pdf'])
  })
})

describe('createLimiter', () => {
  it('runs at most 4 tasks at once and 2 per host', async () => {
    const limiter = createLimiter(4, 2)
    const running = new Map<string, number>()
    let total = 0
    let maxTotal = 0
    const maxPerHost = new Map<string, number>()
    const releases: Array<() => void> = []
    const tasks = ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'd'].map((host) =>
      limiter.run(host, async () => {
        total++
        running.set(host, (running.get(host) ?? 0) + 1)
        maxTotal = Math.max(maxTotal, total)
        maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, running.get(host) ?? 0))
        await new Promise<void>((resolve) => releases.push(resolve))
        total--
        running.set(host, (running.get(host) ?? 1) - 1)
      }),
    )
    // Release started tasks one by one until all have run; each release lets the limiter start the next.
    for (let released = 0; released < tasks.length; released++) {
      await new Promise((resolve) => setImmediate(resolve))
      releases.shift()?.()
    }
    await Promise.all(tasks)
    expect(maxTotal).toBe(4)
    expect(Math.max(...maxPerHost.values())).toBe(2)
  })
})

describe('fetchUrl and robots.txt', () => {
  let server: Server
  let origin = ''
  let calls = 0
  const agents: string[] = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      agents.push(request.headers['user-agent'] ?? '')
      if (request.url === '/robots.txt') return void response.writeHead(503).end()
      if (request.url === '/down') {
        calls++
        return void response.writeHead(503).end()
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('法治')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('gives up after 3 tries on 5xx, naming the status', async () => {
    const result = await fetchUrl(`${origin}/down`, { backoffMs: 1 })
    expect(calls).toBe(3)
    expect(result.value).toBeNull()
    expect(result.messages[0]).toMatchObject({ file: `${origin}/down`, ruleId: 'fetch-status', severity: 'error' })
    expect(result.messages[0]?.reason).toContain('HTTP 503')
  })

  it('fetches nothing from a site whose robots.txt cannot be read (RFC 9309), and names the project in its User-Agent', async () => {
    const checkRobots = createRobotsCheck({ backoffMs: 1 })
    const result = await fetchUrl(`${origin}/page`, { checkRobots })
    expect(result.messages[0]?.ruleId).toBe('robots-unreachable')
    expect(agents.every((agent) => agent === userAgent)).toBe(true)
    expect(userAgent).toMatch(/^fazhi-reports\//)
  })

  it('refuses an address that is not http(s)', async () => {
    expect((await fetchUrl('ftp://example.org/a.pdf')).messages[0]?.ruleId).toBe('bad-url')
  })
})
