import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listedReport, singletonInputs } from '../../src/site/index.ts'
import type { ReportView } from '../../src/site/view-types.ts'
import { projectRoot } from '../site/build-temp-site.ts'

const templatesDir = path.join(projectRoot, 'templates')

/** A template's source with the layouts and partials it extends or includes, recursively. */
async function sourceWithIncludes(file: string, seen = new Set<string>()): Promise<string> {
  if (seen.has(file)) return ''
  seen.add(file)
  const source = await readFile(file, 'utf8')
  const included = [...source.matchAll(/{%\s*(?:include|extends)\s+"([^"]+)"/g)].map((match) => path.join(templatesDir, '_includes', match[1] ?? ''))
  const parts = await Promise.all(included.map((name) => sourceWithIncludes(name, seen)))
  return [source, ...parts].join('\n')
}

/** Templates without pagination: the pages an incremental build renders by `digestSingletons`. */
async function unpaginated(): Promise<string[]> {
  const names = (await readdir(templatesDir)).filter((name) => name.endsWith('.njk')).sort()
  const sources = await Promise.all(names.map((name) => readFile(path.join(templatesDir, name), 'utf8')))
  return names.filter((_, index) => !/^pagination:/m.test(/^---\n([\s\S]*?)\n---/.exec(sources[index] ?? '')?.[1] ?? ''))
}

// A page without pagination is skipped by a rebuild when its digest is unchanged: the digest must cover everything it
// shows, or a rebuild would leave a stale page. These check the declared inputs against the templates' own text.
describe('singletonInputs', () => {
  it('names every template without pagination', async () => {
    expect(Object.keys(singletonInputs).sort()).toEqual(await unpaginated())
  })

  it.each(Object.entries(singletonInputs))('gives the address %s says in its front matter', async (name, { url }) => {
    const source = await readFile(path.join(templatesDir, name), 'utf8')
    expect(/^permalink: (.+)$/m.exec(source)?.[1]).toBe(url)
  })

  it.each(Object.entries(singletonInputs))('declares every field of site that %s reads', async (name, { reads }) => {
    const source = await sourceWithIncludes(path.join(templatesDir, name))
    // `site.` as a variable, not in a file name (`/assets/site.css`); `site.name` is the layout's, in every digest.
    const read = [...source.matchAll(/(?<![\w/.-])site\.(\w+)/g)].map((match) => match[1] ?? '').filter((field) => field !== 'name')
    expect(read.filter((field) => !(reads as readonly string[]).includes(field))).toEqual([])
    expect([...new Set(read)].sort()).toEqual([...reads].sort())
    // Nothing else that changes with the reports: the paginated items and Eleventy's collections.
    expect(source).not.toMatch(/(?<![\w.])(?:pages|collections)\./)
  })

  it('covers every field of a report the report lists and tables show', async () => {
    const listed = new Set(Object.keys(listedReport({ completeness: [], source: { file: '' } } as unknown as ReportView)))
    listed.add('source') // `r.source.file`, as `file`
    for (const name of ['partials/report-list.njk', 'partials/report-table.njk', '../agencies.njk']) {
      const source = await readFile(path.join(templatesDir, '_includes', name), 'utf8')
      const read = [...source.matchAll(/\br\.(\w+)/g)].map((match) => match[1] ?? '')
      expect(read.length).toBeGreaterThan(0)
      expect(read.filter((field) => !listed.has(field))).toEqual([])
    }
  })

  it('covers every field of a report an agency page shows: its digest stands for its reports by what a list shows', async () => {
    const listed = new Set(Object.keys(listedReport({ completeness: [], source: { file: '' } } as unknown as ReportView)))
    const source = await sourceWithIncludes(path.join(templatesDir, 'agency.njk'))
    const read = [...source.matchAll(/\b(?:r|pair\.from|pair\.to)\.(\w+)/g)].map((match) => match[1] ?? '')
    expect(read).toContain('title')
    expect(read).toContain('year')
    expect(read.filter((field) => !listed.has(field))).toEqual([])
  })
})
