import { open } from 'node:fs/promises'
import { deserialize, serialize } from 'node:v8'
import { writeAtomicallyWith } from '../files/write-atomically.ts'

/** Bytes read from the file at a time (a single read is limited to 2 GiB). */
const readPiece = 2 ** 30

/**
 * Write named values one after another (atomically), each serialised on its own when the iterable gives it: a
 * file of large columns is never one buffer in memory (the reuse memo is 1.75 GB at 100,000 reports). An array may
 * come in pieces under one name (`inPieces`), read back as one. Each value is `[name, value]` by `v8.serialize`,
 * after its length (8 bytes, LE).
 */
export async function writeColumnFile(file: string, columns: Iterable<readonly [string, unknown]>): Promise<void> {
  await writeAtomicallyWith(file, async (handle) => {
    for (const [name, value] of columns) {
      const bytes = serialize([name, value])
      const length = Buffer.alloc(8)
      length.writeBigUInt64LE(BigInt(bytes.length))
      await handle.write(length)
      await handle.write(bytes)
    }
  })
}

/** Items of one array column per piece (`inPieces`): ~70 MB serialised for the reuse memo's listings. */
const piece = 10_000

/** An array column as pieces of `piece` items under its name, each made when it is written. */
export function* inPieces<T, R>(name: string, items: readonly T[], map: (item: T) => R): Generator<readonly [string, R[]]> {
  if (items.length === 0) yield [name, []]
  for (let at = 0; at < items.length; at += piece) yield [name, items.slice(at, at + piece).map(map)]
}

/** Read what `writeColumnFile` wrote, one value at a time; a file not in its shape throws. */
export async function readColumnFile(file: string): Promise<Map<string, unknown>> {
  const handle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    const values = new Map<string, unknown>()
    const head = Buffer.alloc(8)
    for (let position = 0; position < size; ) {
      await readExactly(handle, head, position)
      const length = Number(head.readBigUInt64LE(0))
      if (position + 8 + length > size) throw new Error(`${file}：第 ${values.size + 1} 列的长度超出文件`)
      const bytes = Buffer.allocUnsafe(length)
      await readExactly(handle, bytes, position + 8)
      const [name, value] = deserialize(bytes) as [string, unknown]
      const earlier = values.get(name)
      if (Array.isArray(earlier) && Array.isArray(value)) for (const item of value) earlier.push(item)
      else values.set(name, value)
      position += 8 + length
    }
    return values
  } finally {
    await handle.close()
  }
}

async function readExactly(handle: Awaited<ReturnType<typeof open>>, target: Buffer, position: number): Promise<void> {
  for (let done = 0; done < target.length; ) {
    const { bytesRead } = await handle.read(target, done, Math.min(readPiece, target.length - done), position + done)
    if (bytesRead === 0) throw new Error('文件不完整')
    done += bytesRead
  }
}
