import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { readCpuSeconds } from '../../src/bench/read-cpu-seconds.ts'

describe('readCpuSeconds', () => {
  it('counts the CPU of a child process once it has exited, as the bench counts Pagefind’s', () => {
    const before = readCpuSeconds()
    expect(before).not.toBeNull()
    // The child spins until it has used 0.3 s of CPU, however long that takes, and reports what it used.
    const child = spawnSync(process.execPath, ['-e', 'const s = process.cpuUsage(); while (process.cpuUsage(s).user < 300000); const u = process.cpuUsage(s); console.log((u.user + u.system) / 1e6)'], { encoding: 'utf8' })
    const childSeconds = Number(child.stdout.trim())
    expect(childSeconds).toBeGreaterThanOrEqual(0.3)
    const after = readCpuSeconds() ?? 0
    // Clock ticks are 10 ms: allow one either side.
    expect(after - (before ?? 0)).toBeGreaterThanOrEqual(childSeconds - 0.02)
  })
})
