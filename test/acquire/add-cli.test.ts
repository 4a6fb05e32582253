import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runScript } from '../run-script.ts'
import { reportPage } from './report-html.ts'

const runAdd = (args: string[]) => runScript('add', args)

describe('npm run add', () => {
  let server: Server
  let origin = ''
  let root = ''
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/report.html') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(reportPage('重庆市司法局', '<meta charset="utf-8">'))
      response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    root = await mkdtemp(path.join(tmpdir(), 'add-cli-'))
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await rm(root, { recursive: true, force: true })
  })

  it('prints a line per URL, keeps the others when one fails, and exits 1', async () => {
    const list = path.join(root, 'urls.txt')
    await writeFile(list, `# 重庆\n${origin}/gone.html\n`)
    const result = await runAdd([`${origin}/report.html`, '--from', list, '--reports', path.join(root, 'reports')])
    expect(result.code).toBe(1)
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      `${origin}/report.html 已保存为 2023/2023-chongqing-sfj.html [report-added]`,
      `${origin}/gone.html 服务器返回 HTTP 404（页面不存在） [fetch-status]`,
    ])
    expect(result.stderr).toContain('共 2 个网址：新增 1，修改 0，未变 0，失败 1')
    expect((await readdir(path.join(root, 'reports', '2023'))).sort()).toEqual(['2023-chongqing-sfj.html', '2023-chongqing-sfj.meta.yml'])
  }, 120_000)

  it('exits 0 when every URL succeeded, and 2 on an unknown option', async () => {
    const again = await runAdd([`${origin}/report.html`, '--reports', path.join(root, 'reports')])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('[report-unchanged]')
    expect((await runAdd(['--bogus'])).code).toBe(2)
  }, 120_000)
})
