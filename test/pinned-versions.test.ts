import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { pinned as pagefind } from '../src/search/pagefind-format/pinned.ts'
import { pinned as nunjucks } from '../src/site/nunjucks-patch/pinned.ts'
import { pinned as tsx } from '../src/tsx-private/pinned.ts'
import { pinned as pdfjs } from '../src/pdfjs-private/pinned.ts'

const fences = [
  { folder: 'src/site/nunjucks-patch/', packages: nunjucks },
  { folder: 'src/search/pagefind-format/', packages: pagefind },
  { folder: 'src/tsx-private/', packages: tsx },
  { folder: 'src/pdfjs-private/', packages: pdfjs },
]

async function installedVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}

describe('pinned internals', () => {
  it('run on the versions their folders were written for', async () => {
    const wrong: string[] = []
    for (const { folder, packages } of fences) {
      for (const { name, version } of packages) {
        const installed = await installedVersion(name)
        if (installed !== version) {
          wrong.push(`${name} is ${installed}, but ${folder} relies on the internals of ${version}: read ${folder}pinned.ts before upgrading`)
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([])
  })
})
