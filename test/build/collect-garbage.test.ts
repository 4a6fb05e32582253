import { describe, expect, it } from 'vitest'
import { collectGarbage, collectGarbageAbove } from '../../src/build/collect-garbage.ts'

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

  it('collects only past its budget', () => {
    expect(freedBy(collectGarbageAbove(0))).toBeGreaterThan(50 * 2 ** 20)
    expect(freedBy(collectGarbageAbove(Number.MAX_SAFE_INTEGER))).toBeLessThan(50 * 2 ** 20)
  })
})
