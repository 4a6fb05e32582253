import { describe, expect, it } from 'vitest'
import { collectGarbage } from '../../src/build/collect-garbage.ts'

describe('collectGarbage', () => {
  it('frees what is no longer referenced, at once', () => {
    let held: string[][] | null = Array.from({ length: 200 }, (_, index) => Array.from({ length: 10_000 }, (_, at) => `${index}-${at}`))
    const withGarbage = process.memoryUsage().heapUsed
    expect(held.length).toBe(200)
    held = null
    collectGarbage()
    // ~2 million strings and their arrays (well over 50 MB) are gone.
    expect(withGarbage - process.memoryUsage().heapUsed).toBeGreaterThan(50 * 2 ** 20)
    expect(held).toBeNull()
  })
})
