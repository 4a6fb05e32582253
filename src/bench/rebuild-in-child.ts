import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describeWithRule } from '../messages.ts'
import type { ProgressStream } from '../build/index.ts'
import type { BenchBuildSettings, RebuildFigures } from './bench-build.ts'

const rebuildScript = fileURLToPath(new URL('../../scripts/bench-rebuild.ts', import.meta.url))

/** The last characters of a failed rebuild's error output kept for its message. */
const stderrTail = 2000

/**
 * Run the bench's rebuild in a new Node process with this one's flags (tsx, heap sizes), as `npm run build` runs: a
 * rebuild in the bench's own process would share a heap still holding the full build's reports. Its error output goes
 * to `stream` as it comes; a failed process throws, naming its exit and the end of what it printed.
 */
export function rebuildInChild(settings: BenchBuildSettings, stream: ProgressStream = process.stderr): Promise<RebuildFigures & { processSeconds: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [...process.execArgv, rebuildScript, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stream.write(chunk)
    stderr = (stderr + chunk).slice(-stderrTail)
  })
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(describeWithRule('bench-rebuild-failed', { detail: error.message }))))
    child.on('close', (code, signal) => {
      const figures = code === 0 ? readFigures(stdout) : null
      if (figures) return resolve({ ...figures, processSeconds: (performance.now() - started) / 1000 })
      const exit = signal ? `信号 ${signal}` : `退出码 ${code}`
      reject(new Error(describeWithRule('bench-rebuild-failed', { detail: `${exit}${stderr.trim() ? `：${stderr.trim()}` : '，没有输出结果'}` })))
    })
  })
}

/** The JSON line the rebuild's process printed last, or null when there is none. */
function readFigures(stdout: string): RebuildFigures | null {
  const line = stdout.trim().split('\n').at(-1) ?? ''
  try {
    const figures = JSON.parse(line) as Partial<RebuildFigures> | null
    return typeof figures?.seconds === 'number' && figures.timings && figures.incremental !== undefined ? (figures as RebuildFigures) : null
  } catch {
    return null
  }
}
