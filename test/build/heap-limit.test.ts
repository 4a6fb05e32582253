import path from 'node:path'
import { getHeapStatistics } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { heapBase, heapLimitSet, heapPerReport, mallocArenas, mmapThreshold, planHeap } from '../../src/build/heap-limit.ts'
import { projectRoot, runCommand, type ScriptRun } from '../run-script.ts'

const GB = 2 ** 30

describe('planHeap', () => {
  it('leaves a heap that is enough, and asks three quarters of the machine for one that is not', () => {
    expect(planHeap(10_000, 4 * GB, 24 * GB)).toBeNull()
    expect(planHeap(100_000, 4 * GB, 24 * GB)).toEqual({ needed: heapBase + 100_000 * heapPerReport, ask: 18 * GB, short: false })
    // A laptop: its default limit is a quarter of its memory; 200,000 reports need more than it can give.
    expect(planHeap(200_000, 2 * GB, 8 * GB)).toEqual({ needed: heapBase + 200_000 * heapPerReport, ask: 6 * GB, short: true })
    // Already as much as it could ask for: nothing to gain.
    expect(planHeap(1_000_000, 18 * GB, 24 * GB)).toBeNull()
  })

  it('knows a limit set by a flag or NODE_OPTIONS, in either spelling', () => {
    expect(heapLimitSet(['--max-old-space-size=8000'])).toBe(true)
    expect(heapLimitSet(['--import', 'tsx'], '--max_old_space_size=8000 --trace-gc')).toBe(true)
    expect(heapLimitSet(['--max-semi-space-size=64'], '')).toBe(false)
  })
})

/** Run the fixture as a build script runs: Node with tsx, `flags` before it. */
function runFixture(flags: string[], args: string[]): Promise<ScriptRun> {
  const script = path.join(projectRoot, 'test/build/fixtures/relaunch-heap.ts')
  // The C library's settings left out, not emptied: glibc reads an empty MALLOC_MMAP_THRESHOLD_ as 0, a block mapped
  // for every allocation (the fixture then took over a minute).
  const { MALLOC_ARENA_MAX: _arenas, MALLOC_MMAP_THRESHOLD_: _mmap, MALLOC_TRIM_THRESHOLD_: _trim, ...env } = process.env
  return runCommand(process.execPath, [...flags, '--import', 'tsx', script, ...args], { env: { ...env, NODE_OPTIONS: '', FAZHI_HEAP_RELAUNCHED: '' } })
}

describe('relaunchWithHeap', () => {
  it('relaunches the script with a larger heap, says so in Chinese, and ends with its exit code', async () => {
    const { code, stdout, stderr } = await runFixture([], ['1000000', '3'])
    expect(code, stderr).toBe(3)
    const child = JSON.parse(stdout.trim()) as { limit: number; relaunched: boolean; arenas: string | null; mmap: string | null; trim: string | null }
    expect(child.relaunched).toBe(true)
    expect(child.arenas).toBe(String(mallocArenas))
    expect([child.mmap, child.trim]).toEqual([String(mmapThreshold), String(mmapThreshold)])
    expect(child.limit).toBeGreaterThan(getHeapStatistics().heap_size_limit)
    expect(stderr).toMatch(/^1,000,000 份报告的构建预计需要约 [\d.]+ GB 的堆内存，超过 Node 当前的上限 [\d.]+ GB：以 --max-old-space-size=\d+（并设 MALLOC_ARENA_MAX 与 MALLOC_MMAP_THRESHOLD_，减少多线程内存碎片、及时归还大块内存）重新启动（已是本机内存的四分之三，可能仍然不够） \[heap-limit\]$/m)
  }, 60_000)

  it('goes on in this process when the heap is enough or its limit was set by hand', async () => {
    const small = await runFixture([], ['10', '0'])
    expect(small.code, small.stderr).toBe(0)
    expect(JSON.parse(small.stdout.trim())).toMatchObject({ relaunched: false })
    expect(small.stderr).not.toMatch(/heap-limit/)
    const set = await runFixture(['--max-old-space-size=300'], ['1000000', '0'])
    expect(set.code, set.stderr).toBe(0)
    const own = JSON.parse(set.stdout.trim()) as { limit: number; relaunched: boolean }
    expect(own.relaunched).toBe(false)
    expect(own.limit).toBeLessThan(400 * 2 ** 20)
  }, 60_000)
})
