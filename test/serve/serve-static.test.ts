import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { serveStatic } from '../../src/serve/serve-static.ts'

describe('serveStatic', () => {
  it('answers a request made before the site is ready once it is, with what was built meanwhile', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'serve-ready-'))
    let built = (): void => {}
    const ready = new Promise<void>((resolve) => (built = resolve))
    const server = await serveStatic(root, { port: 0, ready })
    try {
      const early = fetch(`${server.url}index.html`)
      // Written after the request was sent: a server that answered at once would say 404.
      await writeFile(path.join(root, 'index.html'), '<p>法治报告库</p>')
      built()
      const response = await early
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('<p>法治报告库</p>')
    } finally {
      await server.close()
      await rm(root, { recursive: true, force: true })
    }
  })
})
