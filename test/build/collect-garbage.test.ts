import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { capHeapGrowth, collectGarbage, collectGarbageAfterGrowth, workerSemiSpaceMb } from '../../src/build/collect-garbage.ts'

/** Heap freed by `collect` once ~2 million strings (well over 50 MB) are no longer referenced. */
function freedBy(collect: () => void): number {
  let held: string[][] | null = Array.from({ length: 200 }, (_, index) => Array.from({ length: 10_000 }, (_, at) => `${index}-${at}`))
  const withGarbage = process.memoryUsage().heapUsed
  expect(held.length).toBe(200)
  held = null
  collect()
  const freed = withGarbage - process.memoryUsage().heapUsed
  collectGarbage()
  return freed
}

describe('collectGarbage', () => {
  it('frees what is no longer referenced, at once', () => {
    expect(freedBy(collectGarbage)).toBeGreaterThan(50 * 2 ** 20)
  })

  it('collects only once the heap has grown past its budget since it last collected', () => {
    expect(freedBy(collectGarbageAfterGrowth(0))).toBeGreaterThan(50 * 2 ** 20)
    expect(freedBy(collectGarbageAfterGrowth(Number.MAX_SAFE_INTEGER))).toBeLessThan(50 * 2 ** 20)
  })

  it('waits for growth of its budget, or of half the heap held after it last collected when that is more', () => {
    const GB = 2 ** 30
    const follow = (gb: number[], runs: number): number[] => {
      const readings = gb.map((value) => value * GB)
      let reading = 0
      const collected: number[] = []
      const afterRun = collectGarbageAfterGrowth(GB, () => readings[reading++] ?? 0, () => collected.push(reading))
      for (let run = 0; run < runs; run++) afterRun()
      return collected
    }
    // A small heap (0.5 GB held): the budget, 1 GB. 1.2 is left; 1.6 is collected and read again (0.6).
    expect(follow([0.5, 1.2, 1.6, 0.6, 1.5, 1.7], 4)).toEqual([3, 6])
    // A large one (5 GB held, as at 100,000 reports): half of it. 6.2 is left; 7.6 is collected (5.3 held); 7.9 is
    // within 2.65 GB of 5.3: left; 8.0 is collected.
    expect(follow([5, 6.2, 7.6, 5.3, 7.9, 8.0, 5.4], 4)).toEqual([3, 6])
  })

  it('caps how far the heap grows past what a collection left, unless Node was given the flag', () => {
    expect(capHeapGrowth(50, ['--heap-growing-percent=100'])).toBe(false)
    expect(capHeapGrowth(50, [], '--max-old-space-size=4096 --heap_growing_percent=10')).toBe(false)
    // In a process of its own (V8's flags are the process's): ~200 MB held, then garbage made over and over. Left to
    // itself V8 let the heap reach ~5× what it held; capped at 50%, ~2×.
    const module = fileURLToPath(new URL('../../src/build/collect-garbage.ts', import.meta.url))
    const script = `
      import { capHeapGrowth, collectGarbage } from ${JSON.stringify(module)}
      const capped = capHeapGrowth(50)
      const live = Array.from({ length: 3_000_000 }, (_, index) => ({ index, text: 'x' + index }))
      collectGarbage()
      const held = process.memoryUsage().heapUsed
      let most = 0
      for (let round = 0; round < 40; round++) {
        const junk = Array.from({ length: 1_000_000 }, (_, index) => ({ index, text: 'y' + index }))
        most = Math.max(most, process.memoryUsage().heapTotal, junk.length)
      }
      console.log(JSON.stringify({ capped, held, most, live: live.length }))`
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const { capped, held, most } = JSON.parse(run.stdout) as { capped: boolean; held: number; most: number }
    expect(capped).toBe(true)
    expect(most / held).toBeLessThan(3)
  }, 120_000)

  // What V8 could change: if this fails, the flag no longer reaches new threads and the index's workers are large again.
  it('gives the worker threads made after it the smaller young generation, where a worker\'s resourceLimits do not', () => {
    const module = fileURLToPath(new URL('../../src/build/collect-garbage.ts', import.meta.url))
    // Each worker makes short-lived garbage until its young generation has grown, and says how large it is.
    const script = `
      import { Worker } from 'node:worker_threads'
      import { setWorkerSemiSpace } from ${JSON.stringify(module)}
      const source = "import v8 from 'node:v8'; import { parentPort } from 'node:worker_threads'; let keep = []; for (let i = 0; i < 3e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 2e5) keep = [] } parentPort.postMessage(v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size)"
      const youngOf = (options = {}) => new Promise((resolve) => new Worker(source, { eval: true, ...options }).once('message', resolve))
      const before = await youngOf()
      const limited = await youngOf({ resourceLimits: { maxYoungGenerationSizeMb: 48 } })
      setWorkerSemiSpace()
      const after = await youngOf()
      console.log(JSON.stringify({ before, limited, after }))`
    const run = spawnSync(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const { before, limited, after } = JSON.parse(run.stdout) as { before: number; limited: number; after: number }
    const MB = 2 ** 20
    // A new space holds two semi-spaces.
    expect(before).toBeGreaterThan(2 * workerSemiSpaceMb * MB)
    expect(limited).toBe(before)
    expect(after).toBeLessThanOrEqual(2 * workerSemiSpaceMb * MB)
  }, 120_000)
})
