import { describe, expect, it } from 'vitest'
import type { PartChange } from '../../src/analysis/index.ts'
import { spillDiffs } from '../../src/build/spilled-diffs.ts'

const change = (kind: PartChange['kind'], runs: PartChange['runs']): PartChange => ({ kind, before: 40, after: 44, same: 0.8, runs })

describe('diffs kept in a temporary file', () => {
  it('gives the same runs, and the same JSON, read back from the file each time', () => {
    const changes = new Map<string, PartChange[]>([
      ['2021-a>2022-a', [change('achievements', [[0, '全年办理行政复议案件'], [-1, '三十件'], [1, '四十二件'], [0, '，纠错率𠀋提升。']]), change('plans', null)]],
      ['2022-a>2023-a', [change('shortcomings', [[1, '"引号"与\\反斜杠\n换行']])]],
      ['2021-b>2022-b', []],
    ])
    const before = JSON.stringify([...changes])
    const runs = [...changes.values()].flat().map((one) => one.runs)
    expect(spillDiffs(changes)).toBe(2)
    expect([...changes.values()].flat().map((one) => one.runs)).toEqual(runs)
    expect(JSON.stringify([...changes])).toBe(before)
    // Read again, the same: nothing is consumed by a read.
    expect(changes.get('2022-a>2023-a')?.[0]?.runs).toEqual([[1, '"引号"与\\反斜杠\n换行']])
    expect(changes.get('2021-a>2022-a')?.[1]?.runs).toBeNull()
  })
})
