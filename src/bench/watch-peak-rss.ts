import { Worker } from 'node:worker_threads'

/** A running sampler of the memory of this process and all its descendants. */
export interface RssWatch {
  /** Stop sampling; resolves to the highest total resident set seen, in bytes. */
  stop: () => Promise<number>
}

// Plain JavaScript run in its own thread, so sampling goes on while the main thread is busy rendering.
const samplerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { readdirSync, readFileSync } = require('node:fs')
const page = 4096
let peak = 0
function sample() {
  const children = new Map()
  const rss = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\\d+$/.test(name)) continue
    try {
      const stat = readFileSync('/proc/' + name + '/stat', 'utf8')
      // Fields after the command name, which may itself contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ppid = Number(fields[1])
      rss.set(Number(name), Number(fields[21]) * page)
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(name))
    } catch {}
  }
  let total = 0
  const stack = [workerData.root]
  while (stack.length > 0) {
    const pid = stack.pop()
    total += rss.get(pid) || 0
    for (const child of children.get(pid) || []) stack.push(child)
  }
  if (total > peak) peak = total
}
sample()
const timer = setInterval(sample, workerData.interval)
parentPort.on('message', () => {
  clearInterval(timer)
  sample()
  parentPort.postMessage(peak)
})
`

/**
 * Sample `/proc` every `interval` ms and keep the peak of the summed RSS of this process and its descendants
 * (Pagefind's binary, Chromium). On systems without `/proc`, falls back to this process's own `maxRSS`.
 */
export function watchPeakRss(interval = 100): RssWatch {
  const worker = new Worker(samplerSource, { eval: true, workerData: { root: process.pid, interval } })
  worker.unref()
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('message', (peak: number) => {
          void worker.terminate()
          // maxRSS (KiB) is the kernel's own high-water mark for this process: a floor the samples may have missed.
          resolve(Math.max(peak, process.resourceUsage().maxRSS * 1024))
        })
        worker.once('error', () => resolve(process.resourceUsage().maxRSS * 1024))
        worker.postMessage('stop')
      }),
  }
}
