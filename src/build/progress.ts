/** A progress display for one build stage. */
export interface Progress {
  /** Report `done` of `total` items finished; redraws the bar at most every 100 ms, and at the end. */
  update: (done: number, total: number) => void
  /** Clear the bar and print the one-line summary, if given (always, terminal or not). */
  done: (summary?: string) => void
}

/** Where progress goes; `isTTY` decides whether a bar is drawn. */
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write: (text: string) => unknown
}

/** Milliseconds on some clock; the wall clock unless a test gives its own. */
export type Clock = () => number

/**
 * Show a progress bar on a terminal (`解析报告 [####----] 120/2000 6%`) and only the final summary elsewhere,
 * so logs and CI output get one line per stage.
 * @example const progress = createProgress('解析报告'); progress.update(1, 10); progress.done('解析 10 份报告')
 */
export function createProgress(label: string, stream: ProgressStream = process.stderr, clock: Clock = Date.now): Progress {
  const bar = stream.isTTY === true
  let lastDraw = Number.NEGATIVE_INFINITY
  let drawn = false
  return {
    update: (done, total) => {
      const now = clock()
      if (!bar || (done < total && now - lastDraw < 100)) return
      lastDraw = now
      drawn = true
      stream.write(`\r${renderBar(label, done, total, stream.columns ?? 80)}`)
    },
    done: (summary) => {
      if (drawn) stream.write('\r\u001b[2K')
      if (summary !== undefined) stream.write(`${summary}\n`)
    },
  }
}

/** One line of bar fitted to the terminal width, e.g. `解析报告 [######----] 600/1000 60%`. */
export function renderBar(label: string, done: number, total: number, columns: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1
  const counts = `${done}/${total} ${Math.floor(share * 100)}%`
  // Chinese labels take two columns each.
  const labelWidth = [...label].reduce((width, character) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1), 0)
  const width = Math.max(10, Math.min(40, columns - labelWidth - counts.length - 5))
  const filled = Math.round(share * width)
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}`
}
