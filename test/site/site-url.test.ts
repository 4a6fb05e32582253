import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTempSite, projectRoot, readPage } from './build-temp-site.ts'

/** A port that is free now (the OS picks it); `npm start` is asked for it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

describe('site origin', () => {
  it('puts --site-url in citations, the feed and the sitemap', async () => {
    const site = await buildTempSite([], { siteUrl: 'https://fazhi.example.org', index: false })
    const report = await readPage(site.outDir, '/reports/2022/tianjin-zwfwb/')
    expect(report).toContain('https://fazhi.example.org/reports/2022/tianjin-zwfwb/')
    expect(report).not.toContain('localhost:8080')
    expect(await readFile(path.join(site.outDir, 'feed.xml'), 'utf8')).toContain('<id>https://fazhi.example.org/reports/2022/tianjin-zwfwb/</id>')
    expect(await readFile(path.join(site.outDir, 'sitemap.xml'), 'utf8')).toContain('<loc>https://fazhi.example.org/reports/2022/tianjin-zwfwb/</loc>')
  })

  it('npm start builds for the port it serves on', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'start-'))
    await cp(path.join(projectRoot, 'reports'), path.join(work, 'reports'), { recursive: true })
    const port = await freePort()
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/start.ts'), '--reports', path.join(work, 'reports'), '--out', path.join(work, 'site')], {
      cwd: projectRoot,
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      // Wait for the line that says where it serves (a hang guard only bounds the wait).
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = /已在 (http:\/\/\S+) 提供服务/.exec(out)
          if (match?.[1]) resolve(match[1])
        })
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before serving: ${out}`)))
      })
      const origin = new URL(url).origin
      expect(origin).toMatch(/^http:\/\/localhost:\d+$/)
      const html = await (await fetch(`${url}reports/2022/tianjin-zwfwb/`)).text()
      expect(html).toContain(`${origin}/reports/2022/tianjin-zwfwb/`)
      expect(await (await fetch(`${url}feed.xml`)).text()).toContain(`<id>${origin}/`)
    } finally {
      child.kill('SIGINT')
    }
  }, 300_000)
})
