import { describe, expect, it } from 'vitest'
import { growTyped } from '../src/grow-typed.ts'

describe('growTyped', () => {
  it('gives the same array while it has room', () => {
    const values = new Int32Array([1, 2, 3])
    expect(growTyped(values, 3)).toBe(values)
    expect(growTyped(values, 0)).toBe(values)
  })

  it('doubles, or grows to the length asked when that is more, keeping the values and the type', () => {
    const doubled = growTyped(new Uint8Array([7, 8, 9]), 4)
    expect(doubled).toBeInstanceOf(Uint8Array)
    expect([...doubled]).toEqual([7, 8, 9, 0, 0, 0])
    const asked = growTyped(new Float64Array([0.5]), 5)
    expect(asked).toBeInstanceOf(Float64Array)
    expect([...asked]).toEqual([0.5, 0, 0, 0, 0])
  })

  it('fills only the new places', () => {
    const grown = growTyped(new Float64Array([3, -1, 4]), 7, -1)
    expect([...grown]).toEqual([3, -1, 4, -1, -1, -1, -1])
  })

  it('appends one value at a time in a few copies', () => {
    let values = new Int32Array(1)
    const arrays = new Set<Int32Array>()
    for (let index = 0; index < 1000; index++) {
      values = growTyped(values, index + 1)
      values[index] = index
      arrays.add(values)
    }
    expect(values.slice(0, 1000)).toEqual(Int32Array.from({ length: 1000 }, (_, index) => index))
    // 1, 2, 4, … 1024: eleven arrays in all.
    expect(arrays.size).toBe(11)
  })
})
