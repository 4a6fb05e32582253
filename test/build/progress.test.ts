import { describe, expect, it } from 'vitest'
import { createProgress, renderBar } from '../../src/build/progress.ts'

function recorder(isTTY: boolean) {
  const writes: string[] = []
  return { stream: { isTTY, columns: 60, write: (text: string) => writes.push(text) }, writes }
}

describe('createProgress', () => {
  it('draws a bar on a terminal and clears it before the summary', () => {
    const { stream, writes } = recorder(true)
    const progress = createProgress('解析报告', stream)
    progress.update(5, 10)
    progress.update(10, 10)
    progress.done('解析 10 份报告')
    expect(writes[0]).toMatch(/^\r解析报告 \[#+-+\] 5\/10 50%$/)
    expect(writes.at(-2)).toBe('\r\u001b[2K')
    expect(writes.at(-1)).toBe('解析 10 份报告\n')
  })

  it('prints only the summary line when the stream is not a terminal', () => {
    const { stream, writes } = recorder(false)
    const progress = createProgress('解析报告', stream)
    for (let done = 1; done <= 50; done++) progress.update(done, 50)
    progress.done('解析 50 份报告')
    expect(writes).toEqual(['解析 50 份报告\n'])
  })

  it('only clears the bar when there is no summary to print', () => {
    const { stream, writes } = recorder(true)
    const progress = createProgress('x', stream)
    progress.update(1, 1)
    progress.done()
    expect(writes).toEqual([expect.stringContaining('1/1'), '\r\u001b[2K'])
    const quiet = recorder(false)
    createProgress('x', quiet.stream).done()
    expect(quiet.writes).toEqual([])
  })

  it('redraws at most every 100 ms, but always draws the last update', () => {
    const { stream, writes } = recorder(true)
    // A clock of its own that moves 1 ms per update: the test cannot depend on the machine's speed.
    let now = 0
    const progress = createProgress('x', stream, () => now)
    for (let done = 1; done <= 1000; done++) {
      now = done
      progress.update(done, 1000)
    }
    // Updates at 1, 101, …, 901 ms, then the last one.
    expect(writes.map((line) => /\d+\/1000/.exec(line)?.[0])).toEqual(['1/1000', '101/1000', '201/1000', '301/1000', '401/1000', '501/1000', '601/1000', '701/1000', '801/1000', '901/1000', '1000/1000'])
  })
})

describe('renderBar', () => {
  it('fills the bar in proportion and fits the width', () => {
    const line = renderBar('parse', 1, 4, 50)
    expect(line).toMatch(/^parse \[#+-+\] 1\/4 25%$/)
    expect(line.length).toBeLessThanOrEqual(50)
    const bar = /\[(.*)\]/.exec(line)?.[1] ?? ''
    expect(bar.split('').filter((c) => c === '#').length / bar.length).toBeCloseTo(0.25, 1)
  })

  it('shows a full bar when there is nothing to do', () => {
    expect(renderBar('x', 0, 0, 80)).toContain('0/0 100%')
  })
})
