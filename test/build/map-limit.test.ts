import { describe, expect, it } from 'vitest'
import { mapLimit } from '../../src/build/map-limit.ts'

describe('mapLimit', () => {
  it('keeps at most `limit` calls pending and gives the results in input order', async () => {
    let pending = 0
    let most = 0
    const results = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (value) => {
      pending += 1
      most = Math.max(most, pending)
      // Settle in another order than started: later items may finish first.
      for (let turn = 0; turn < value; turn++) await Promise.resolve()
      pending -= 1
      return value * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60])
    expect(most).toBe(3)
  })

  it('rejects with the first failure and starts no call after it', async () => {
    const started: number[] = []
    const run = mapLimit([0, 1, 2, 3, 4, 5], 2, async (value) => {
      started.push(value)
      if (value === 1) throw new Error('第 1 项失败')
      await Promise.resolve()
      return value
    })
    await expect(run).rejects.toThrow('第 1 项失败')
    expect(started.length).toBeLessThan(6)
  })
})
