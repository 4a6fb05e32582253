import type { PartChange } from '../analysis/index.ts'
import { closeHeld, createAppender, openTemporary, readExactly, type Appender, type HeldFile } from '../files/unlinked-file.ts'
import { lazyProperties } from '../lazy-properties.ts'

/** An open file of diff texts, and the appender that writes it: what every change read from it holds. */
interface DiffFile {
  file: HeldFile
  appender: Appender
}

/** Where a change's runs are in the file: their JSON text (UTF-8). */
interface StoredRuns {
  file: DiffFile
  at: number
  bytes: number
}

/** A change's `runs` read from the file each time they are asked for (its agency page, its digest, the analysis cache). */
const withStoredRuns = lazyProperties({
  runs: ({ file: { file, appender }, at, bytes }: StoredRuns): [number, string][] => {
    appender.flush()
    const read = readExactly(file.fd, at, bytes)
    if (!read) throw new Error(`年度对比的差异文件不完整（第 ${at} 字节起应有 ${bytes} 字节）`)
    return JSON.parse(read.toString('utf8')) as [number, string][]
  },
})

/**
 * Move the year-to-year diffs' text out of the heap, into a temporary file (unlinked at once): each change with a
 * diff is replaced, in `changes`, by one whose `runs` are read from the file when asked for, the same runs as before.
 * A large build holds the diffs from its analysis to its end (the agency pages, the analysis cache): their text was
 * ~17 MB of the render's heap at 30,000 reports (a heap snapshot). The file is closed once no change reads it.
 * Returns how many were moved: none when no temporary file can be made (they stay as they are).
 */
export function spillDiffs(changes: Map<string, PartChange[]>): number {
  const opened = openTemporary('diffs')
  if (opened === null) return 0
  const file: DiffFile = { file: opened, appender: createAppender(opened.fd) }
  // Every change written before any is replaced: a file that cannot be written leaves them all as they were.
  const stored: [string, PartChange[]][] = []
  let moved = 0
  try {
    for (const [key, list] of changes) {
      stored.push([
        key,
        list.map((change) => {
          // Read once: a held change makes its runs each time they are asked for.
          const { runs, ...rest } = change
          if (runs === null) return change
          const json = Buffer.from(JSON.stringify(runs), 'utf8')
          moved++
          return withStoredRuns(rest, { file, at: file.appender.append(json), bytes: json.length })
        }),
      ])
    }
    file.appender.flush()
  } catch {
    closeHeld(opened)
    return 0
  }
  for (const [key, list] of stored) changes.set(key, list)
  return moved
}
