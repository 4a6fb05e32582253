import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readReport } from '../ingest/index.ts'
import { parseReport } from '../parse/index.ts'
import type { Report, Result } from '../types.ts'

/**
 * Parse fetched bytes exactly as the build will read them once kept: they are written with their sidecar text to a
 * temporary folder and read by `readReport`, then `parseReport`. Messages name `url` instead of the temporary file.
 */
export async function parseFetched(bytes: Uint8Array, extension: string, sidecar: string, url: string): Promise<Result<Report>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'fazhi-add-'))
  try {
    const file = path.join(folder, `report${extension}`)
    await writeFile(file, bytes)
    await writeFile(path.join(folder, 'report.meta.yml'), sidecar)
    const read = await readReport(file, { root: folder })
    const parsed = read.value === null ? { value: null, messages: [] } : parseReport(read.value)
    const messages = [...read.messages, ...parsed.messages].map((message) => ({ ...message, file: url }))
    return { value: parsed.value, messages }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
