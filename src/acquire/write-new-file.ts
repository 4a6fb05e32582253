import { randomBytes } from 'node:crypto'
import { link, mkdir, open, unlink } from 'node:fs/promises'
import path from 'node:path'
import { errorCode } from '../system-error.ts'

/**
 * Write `bytes` to `file` atomically and never over an existing file: the bytes go to a hidden temporary file in the
 * same folder, are flushed to disk, then hard-linked to their name (which fails if the name is taken) and the
 * temporary name removed. When `file` exists, `NAME-2.EXT`, `NAME-3.EXT`… are tried; returns the path written.
 */
export async function writeNewFile(file: string, bytes: Uint8Array | string, options: { rename?: boolean } = {}): Promise<string> {
  const folder = path.dirname(file)
  await mkdir(folder, { recursive: true })
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    const extension = path.extname(file)
    const stem = file.slice(0, file.length - extension.length)
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? file : `${stem}-${n}${extension}`
      try {
        await link(temporary, candidate)
        return candidate
      } catch (error) {
        if (errorCode(error) !== 'EEXIST' || options.rename === false) throw error
      }
    }
  } finally {
    await unlink(temporary).catch(() => undefined)
  }
}

