import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readKeptAnalysis, writeAnalysisCache, type AnalysisCacheFile } from '../../src/build/analysis-cache-file.ts'
import type { PartChange, ReportAnalysis } from '../../src/analysis/index.ts'

let work = ''
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'analysis-cache-file-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** A report's figures, made up but shaped as the analysis makes them. */
function metricsOf(seed: number): ReportAnalysis['metrics'] {
  return { chars: 1000 + seed, figures: seed % 7, perThousand: seed / 3, words: [`词${seed}`, '依法行政'] } as unknown as ReportAnalysis['metrics']
}

/** A pair's changes with text that needs escaping and is long enough to cross a small read. */
function changesOf(seed: number): PartChange[] {
  return [{ kind: 'shortcomings', same: seed / 10, runs: [[0, `不足之处"引号"\n换行\\反斜杠 ${'重复'.repeat(seed)}`], [1, '新增']] }] as unknown as PartChange[]
}

function cacheOf(version: string, count: number): AnalysisCacheFile {
  const cache: AnalysisCacheFile = { version, metrics: {}, changes: {} }
  for (let index = 0; index < count; index++) {
    cache.metrics[`k${index.toString(16).padStart(8, '0')}`] = metricsOf(index)
    // A key of digits only, as a hex digest can be: JSON orders such keys first.
    cache.metrics[String(1000 + index)] = metricsOf(index + 100)
    cache.changes[`k${index}>k${index + 1}`] = changesOf(index)
  }
  return cache
}

describe('the analysis cache file', () => {
  it('reads back every entry it wrote, whatever the size of a read', async () => {
    const file = path.join(work, 'round-trip.json')
    const cache = cacheOf('v1', 40)
    await writeAnalysisCache(file, cache)
    for (const piece of [5, 64, 4096, undefined]) {
      const kept = await readKeptAnalysis(file, 'v1', piece)
      for (const [key, metrics] of Object.entries(cache.metrics)) expect(kept.metrics(key)).toEqual(metrics)
      for (const [key, changes] of Object.entries(cache.changes)) expect(kept.changes(key)).toEqual(changes)
      expect(kept.metrics('absent')).toBeUndefined()
      expect(kept.changes('k0')).toBeUndefined()
      kept.close()
      expect(kept.metrics('k00000000')).toBeUndefined()
    }
  })

  it('writes an empty cache a reader takes', async () => {
    const file = path.join(work, 'empty.json')
    await writeAnalysisCache(file, { version: 'v1', metrics: {}, changes: {} })
    const kept = await readKeptAnalysis(file, 'v1')
    expect(kept.metrics('k')).toBeUndefined()
    kept.close()
  })

  it('reads the file it opened when a new build replaces it meanwhile', async () => {
    const file = path.join(work, 'replaced.json')
    await writeAnalysisCache(file, cacheOf('v1', 3))
    const kept = await readKeptAnalysis(file, 'v1')
    await writeAnalysisCache(file, { version: 'v1', metrics: {}, changes: {} })
    expect(kept.metrics('k00000001')).toEqual(metricsOf(1))
    kept.close()
  })

  it('keeps nothing from a file of another version, cut short, of another layout, or missing', async () => {
    const file = path.join(work, 'unusable.json')
    const cache = cacheOf('v1', 5)
    const unusable = async (): Promise<boolean> => {
      const kept = await readKeptAnalysis(file, 'v1')
      const none = Object.keys(cache.metrics).every((key) => kept.metrics(key) === undefined)
      kept.close()
      return none
    }
    await writeAnalysisCache(file, { ...cache, version: 'v0' })
    expect(await unusable()).toBe(true)
    await writeAnalysisCache(file, cache)
    expect(await unusable()).toBe(false)
    const whole = await readFile(file, 'utf8')
    await writeFile(file, whole.slice(0, whole.lastIndexOf('\n')))
    expect(await unusable()).toBe(true)
    // The layout of earlier builds: one line.
    await writeFile(file, JSON.stringify(cache))
    expect(await unusable()).toBe(true)
    await writeFile(file, whole.replace('\n,"k00000001"', '\n,k00000001'))
    expect(await unusable()).toBe(true)
    await rm(file)
    expect(await unusable()).toBe(true)
  })
})
