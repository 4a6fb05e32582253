/**
 * Files a build opens at once when it writes or removes many (one per report): a `Promise.all` over 100,000 reports
 * opened them all at once and met the process's limit (EMFILE; 20,000 on the bench machine, often 1,024 elsewhere).
 */
export const filesAtOnce = 64

/**
 * `map` with at most `limit` calls of `fn` pending at a time; results in input order. The first rejection rejects
 * the whole at once; the calls already started go on, and no further one starts.
 * @example await mapLimit(names, filesAtOnce, (name) => rm(name, { force: true }))
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  let failed = false
  const run = async (): Promise<void> => {
    for (let index = next++; index < items.length && !failed; index = next++) {
      try {
        results[index] = await fn(items[index] as T)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, run))
  return results
}
