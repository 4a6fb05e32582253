import { readFileSync } from 'node:fs'

/** Clock ticks per second of `/proc` times: USER_HZ, 100 on Linux whatever the kernel's own tick rate. */
const ticksPerSecond = 100

/**
 * CPU seconds (user + system) this process has used, its threads included, plus those of its children that have
 * exited (Pagefind's processes), from `/proc/self/stat`; null where there is no `/proc`. On a machine the build keeps
 * busy, wall seconds follow the load of everything else running, CPU seconds much less: two builds are compared by them.
 */
export function readCpuSeconds(): number | null {
  let stat: string
  try {
    stat = readFileSync('/proc/self/stat', 'utf8')
  } catch {
    return null
  }
  // Fields after the command name (which may hold spaces): state is the first; utime, stime, cutime, cstime the 12th to 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? Number.NaN), 0)
  return Number.isFinite(ticks) ? ticks / ticksPerSecond : null
}
