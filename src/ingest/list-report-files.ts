import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { compareCodePoints } from './compare-code-points.ts'

/** File endings read as reports. */
const reportPattern = /\.(?:txt|html?|md|markdown)$/i

/**
 * Every report file under `root`, recursively: `.txt .html .htm .md .markdown`, without sidecars (`*.meta.yml`) and
 * dotfiles or dot-folders, sorted by posix path relative to `root` in code-point order.
 *
 * Returned paths are `root` joined with that relative path, ready for `readReport(file, { root })`.
 */
export async function listReportFiles(root: string): Promise<string[]> {
  const found: string[] = []
  await walk(root, '', found)
  return found.sort(compareCodePoints).map((relative) => path.join(root, ...relative.split('/')))
}

/** Collect report paths (posix, relative to `root`) below `relative` into `found`. */
async function walk(root: string, relative: string, found: string[]): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true })
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const child = relative ? `${relative}/${entry.name}` : entry.name
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      const target = await stat(path.join(root, child)).catch(() => null)
      // Linked folders could loop back on themselves, so only linked files are followed.
      isFile = target?.isFile() ?? false
      isDirectory = false
    }
    if (isDirectory) await walk(root, child, found)
    else if (isFile && reportPattern.test(entry.name) && !/\.meta\.ya?ml$/i.test(entry.name)) found.push(child)
  }
}
