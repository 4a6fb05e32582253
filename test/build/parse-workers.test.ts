import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../src/bench/generate-corpus.ts'
import { listReportFiles } from '../../src/ingest/list-report-files.ts'
import { parseFile, parseWithWorkers } from '../../src/build/parse-workers.ts'
import { digestSections } from '../../src/build/sections-key.ts'

const realReports = path.resolve(import.meta.dirname, '../../reports')
let dir: string
let root: string
let files: string[]

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parse-workers-'))
  root = path.join(dir, 'reports')
  // Enough files for two workers (each is worth starting from 40 files on), plus the real reports.
  await generateCorpus({ count: 90, seed: 5, outDir: root, sourceRoot: realReports })
  await cp(realReports, path.join(root, 'real'), { recursive: true })
  files = await listReportFiles(root)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('parseWithWorkers', () => {
  it('gives exactly the in-process results, in input order, from worker threads', async () => {
    const parallel = await parseWithWorkers(files, { root, workers: 2, cacheDir: null })
    expect(parallel.workers).toBe(2)
    expect(parallel.parsed).toBe(files.length)
    const serial = []
    for (const file of files) serial.push(await parseFile(file, root))
    expect(parallel.results).toEqual(serial)
    expect(serial.filter((result) => result.value !== null).length).toBeGreaterThan(files.length * 0.9)
  })

  it('parses in this thread when told to use no workers, reporting progress for every file', async () => {
    const seen: number[] = []
    const outcome = await parseWithWorkers(files.slice(0, 5), { root, workers: 0, cacheDir: null, onProgress: (done) => seen.push(done) })
    expect(outcome.workers).toBe(0)
    expect(seen).toEqual([1, 2, 3, 4, 5])
  })

  it('re-parses only the changed report on a rebuild', async () => {
    // Pinned: the real version follows src/parse, which may change while the test runs.
    const options = { root, cacheDir: path.join(dir, 'cache'), parserVersion: '0123456789abcdef' }
    const first = await parseWithWorkers(files, options)
    expect([first.parsed, first.cached]).toEqual([files.length, 0])
    const second = await parseWithWorkers(files, options)
    expect([second.parsed, second.cached, second.workers]).toEqual([0, files.length, 0])
    expect(second.results).toEqual(first.results)
    // Each report's digests come with it, made once when it was parsed and read back from the cache.
    const published = second.results.filter((result) => result.value !== null)
    expect(published.length).toBeGreaterThan(0)
    for (const result of published) expect(result.digests).toEqual(result.value && digestSections(result.value))

    const changed = files[3] ?? ''
    const text = await readFile(changed, 'utf8')
    await writeFile(changed, text.replace(/法治政府建设/, '法治政府建设工作'))
    const third = await parseWithWorkers(files, options)
    expect([third.parsed, third.cached]).toEqual([1, files.length - 1])
    expect(third.results[3]).not.toEqual(first.results[3])
    expect(third.results[3]).toEqual(await parseFile(changed, root))
    expect(third.results.filter((_, index) => index !== 3)).toEqual(first.results.filter((_, index) => index !== 3))
  })

  it('turns a missing file into an error message naming it, and goes on', async () => {
    const missing = path.join(root, '2022', 'missing.txt')
    const outcome = await parseWithWorkers([missing, files[0] ?? ''], { root, workers: 0, cacheDir: null })
    expect(outcome.results[0]?.value).toBeNull()
    expect(outcome.results[0]?.messages[0]).toMatchObject({ severity: 'error' })
    expect(outcome.results[0]?.messages[0]?.file).toContain('missing.txt')
    expect(outcome.results[1]?.value).not.toBeNull()
  })
})
