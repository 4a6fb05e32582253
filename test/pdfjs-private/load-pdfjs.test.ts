import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const probe = fileURLToPath(new URL('./probe-builtins.mts', import.meta.url))

/** What importing pdf.js (`raw`), loading it through our loader (`fenced`) or importing the loader alone (`unused`) does to the built-ins, in a process of its own. */
async function builtinsChangedBy(how: 'raw' | 'fenced' | 'unused'): Promise<{ replaced: string[]; added: string[] }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', probe, how], { cwd: fileURLToPath(new URL('../..', import.meta.url)) })
  return JSON.parse(stdout) as { replaced: string[]; added: string[] }
}

describe('loading pdf.js', () => {
  it('replaces what load-pdfjs.ts puts back, and no other built-in (pdf.js upgrades: read src/pdfjs-private/pinned.ts)', async () => {
    const raw = await builtinsChangedBy('raw')
    expect(raw.replaced.sort()).toEqual(['Array.prototype.push', 'Function.prototype.toString', 'JSON.parse'])
  }, 60_000)

  it('leaves the engine its own push, JSON.parse and toString, and pdf.js what it adds', async () => {
    const fenced = await builtinsChangedBy('fenced')
    expect(fenced.replaced).toEqual([])
    expect(fenced.added).toContain('Promise.withResolvers')
  }, 60_000)

  it('loads nothing until a PDF is read: a thread that reads none does not hold pdf.js', async () => {
    const unused = await builtinsChangedBy('unused')
    expect(unused).toEqual({ replaced: [], added: [] })
  }, 60_000)
})
