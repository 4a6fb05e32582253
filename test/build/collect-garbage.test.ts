import { describe, expect, it } from 'vitest'
import { collectGarbage, collectGarbageAfterGrowth } from '../../src/build/collect-garbage.ts'

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

  it('measures growth from where the heap was after it last collected, not from nothing', () => {
    const GB = 2 ** 30
    // The heap in use as the build would see it: 5 GB held, garbage in between, 5.3 GB held after a collection.
    const readings = [5, 5.5, 6.2, 5.3, 6.0, 6.4, 5.4].map((gb) => gb * GB)
    let reading = 0
    const collected: number[] = []
    const afterRun = collectGarbageAfterGrowth(GB, () => readings[reading++] ?? 0, () => collected.push(reading))
    for (let run = 0; run < 4; run++) afterRun()
    // 5.5 and 6.0 are within 1 GB of 5 and 5.3: left; 6.2 and 6.4 are past it: collected, each then read again.
    expect(collected).toEqual([3, 6])
    expect(reading).toBe(7)
  })
})
