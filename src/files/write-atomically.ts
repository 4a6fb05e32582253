import { renameSync, writeFileSync } from 'node:fs'
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a file atomically (a temporary file beside it, then rename), making its folder: a build stopped half-way
 * leaves the old file or the new, never half of one. Writers of the same file, in this process or others, each write
 * their own temporary file; the last to rename wins.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = await temporaryBeside(file)
  await writeFile(temporary, data)
  await rename(temporary, file)
}

/** `writeAtomically` for a file written in pieces: `write` gets the temporary file's handle. */
export async function writeAtomicallyWith(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temporary = await temporaryBeside(file)
  const handle = await open(temporary, 'w')
  try {
    await write(handle)
  } catch (error) {
    await handle.close()
    await rm(temporary, { force: true })
    throw error
  }
  await handle.close()
  await rename(temporary, file)
}

/**
 * `writeAtomically` at once, into a folder that is there: for many small files whose data should be let go now, not
 * when the event loop gets round to each between long synchronous steps.
 */
export function writeAtomicallySync(file: string, data: Uint8Array): void {
  const temporary = temporaryName(file)
  writeFileSync(temporary, data)
  renameSync(temporary, file)
}

/** The temporary file a write goes to before its rename, its folder made. */
async function temporaryBeside(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true })
  return temporaryName(file)
}

let written = 0

/** A temporary name no other write uses: two builds in one process (tests) write the same parse cache files. */
function temporaryName(file: string): string {
  written++
  return `${file}.${process.pid}.${written}.tmp`
}
