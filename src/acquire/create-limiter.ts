/** Runs tasks with at most `total` at once, and at most `perHost` for any one host. */
export interface Limiter {
  /** Run `task` when a slot for `host` is free; resolves with its result. */
  run: <T>(host: string, task: () => Promise<T>) => Promise<T>
}

/**
 * A limiter for polite fetching: at most `total` requests at once and `perHost` to one host, first come first served.
 * @example const limit = createLimiter(4, 2); await limit.run('www.gov.cn', () => fetch(url))
 */
export function createLimiter(total: number, perHost: number): Limiter {
  let running = 0
  const byHost = new Map<string, number>()
  const waiting: Array<{ host: string; start: () => void }> = []
  const next = (): void => {
    for (let index = 0; index < waiting.length && running < total; index++) {
      const entry = waiting[index] as { host: string; start: () => void }
      if ((byHost.get(entry.host) ?? 0) >= perHost) continue
      waiting.splice(index, 1)
      index--
      running++
      byHost.set(entry.host, (byHost.get(entry.host) ?? 0) + 1)
      entry.start()
    }
  }
  return {
    run: (host, task) =>
      new Promise((resolve, reject) => {
        waiting.push({
          host,
          start: () => {
            task()
              .then(resolve, reject)
              .finally(() => {
                running--
                byHost.set(host, (byHost.get(host) ?? 1) - 1)
                next()
              })
          },
        })
        next()
      }),
  }
}
