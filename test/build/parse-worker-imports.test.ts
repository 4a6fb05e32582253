import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../run-script.ts'

/** Every module `entry` loads at run time (type-only imports are erased), followed through relative imports. */
function runtimeImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const specifier = match[1] ?? match[2] ?? ''
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier))
      else packages.add(specifier)
    }
  }
  visit(entry)
  return { files, packages }
}

describe('the parse workers', () => {
  it('load the parser and the digests, not the site renderer or the index', () => {
    const { files, packages } = runtimeImports(path.join(projectRoot, 'src/build/parse-workers.ts'))
    // The digests' module is in the graph: the check follows what a worker really loads.
    expect([...files].some((file) => file.endsWith('src/site/drop-duplicate-reports.ts'))).toBe(true)
    // Eleventy and Pagefind took each worker seconds to load (3.5 s with a busy machine) for nothing.
    expect([...packages].filter((name) => name.startsWith('@11ty/') || name === 'pagefind')).toEqual([])
    expect([...files].filter((file) => file.endsWith('src/site/index.ts') || file.endsWith('src/site/render-site.ts'))).toEqual([])
  })
})
