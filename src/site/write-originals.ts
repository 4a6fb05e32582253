import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { errorCode } from '../system-error.ts'
import type { ReportView } from './view-types.ts'

/**
 * Copy each report's original file, and its earlier versions, into the site beside the report page, so the archive
 * keeps what it cites: byte for byte, under the URLs `describeOriginal` gave them.
 */
export async function writeOriginals(outDir: string, reportsDir: string, views: readonly ReportView[], files: ReadonlyMap<string, string[]>): Promise<void> {
  for (const view of views) {
    const sources = files.get(view.id) ?? []
    const targets = originalFiles(view)
    for (const [index, source] of sources.entries()) {
      const target = targets[index]
      if (target === undefined) continue
      const destination = path.join(outDir, ...target.split('/'))
      await mkdir(path.dirname(destination), { recursive: true })
      // Reports handed in by a custom `load` (the benchmark's synthetic corpus) may have no file on disk.
      await copyFile(path.join(reportsDir, ...source.split('/')), destination).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error
      })
    }
  }
}

/** The site's copies of a report's original and its earlier versions, as paths in the output folder (oldest first). */
export function originalFiles(view: ReportView | undefined): string[] {
  if (!view) return []
  return [...view.original.versions, view.original.file].map((target) => target.url.split('/').filter(Boolean).join('/'))
}
