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

/** The typed arrays a column may be made of. */
export type TypedColumn = Int32Array | Uint32Array

/**
 * A typed column as pieces under its name: each piece the parts of `piece` items one after the other, made when it is
 * written, and read back as one array. Joined whole, the reuse memo's band keys were a copy of ~210 MB at 100,000
 * reports, and their serialised bytes another, beside the keys themselves, at the reuse worker's last moment.
 */
export function* typedInPieces<T, R extends TypedColumn>(name: string, items: readonly T[], partOf: (item: T) => R, empty: R): Generator<readonly [string, R]> {
  if (items.length === 0) yield [name, empty]
  for (let at = 0; at < items.length; at += piece) yield [name, joinTyped(items.slice(at, at + piece).map(partOf), empty)]
}

/** Typed arrays one after the other, in one array of the kind of `like`. */
function joinTyped<R extends TypedColumn>(parts: readonly R[], like: R): R {
  const Kind = like.constructor as new (length: number) => R
  const joined = new Kind(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    joined.set(part, at)
    at += part.length
  }
  return joined
}

/**
 * Read what `writeColumnFile` wrote, one value at a time; a file not in its shape throws. A column named in `take` is
 * not kept: each of its pieces goes to its function as it is read, with the values read before it.
 */
export async function readColumnFile(file: string, take: ReadonlyMap<string, (piece: unknown, before: ReadonlyMap<string, unknown>) => void> = new Map()): Promise<Map<string, unknown>> {
  const handle = await open(file, 'r')
  try {
    const size = (await handle.stat()).size
    const values = new Map<string, unknown>()
    // A typed column's pieces, joined once the file is read.
    const typedPieces = new Map<string, TypedColumn[]>()
    const head = Buffer.alloc(8)
    for (let position = 0; position < size; ) {
      await readExactly(handle, head, position)
      const length = Number(head.readBigUInt64LE(0))
      if (position + 8 + length > size) throw new Error(`${file}：第 ${values.size + 1} 列的长度超出文件`)
      const bytes = Buffer.allocUnsafe(length)
      await readExactly(handle, bytes, position + 8)
      const [name, value] = deserialize(bytes) as [string, unknown]
      position += 8 + length
      const taker = take.get(name)
      if (taker) {
        taker(value, values)
        continue
      }
      const earlier = values.get(name)
      if (Array.isArray(earlier) && Array.isArray(value)) for (const item of value) earlier.push(item)
      else if (isTyped(earlier) && isTyped(value) && earlier.constructor === value.constructor) {
        const pieces = typedPieces.get(name)
        if (pieces) pieces.push(value)
        else typedPieces.set(name, [earlier, value])
      } else values.set(name, value)
    }
    for (const [name, pieces] of typedPieces) if (pieces[0]) values.set(name, joinTyped(pieces, pieces[0]))
    return values
  } finally {
    await handle.close()
  }
}

function isTyped(value: unknown): value is TypedColumn {
  return value instanceof Int32Array || value instanceof Uint32Array
}

async function readExactly(handle: Awaited<ReturnType<typeof open>>, target: Buffer, position: number): Promise<void> {
  for (let done = 0; done < target.length; ) {
    const { bytesRead } = await handle.read(target, done, Math.min(readPiece, target.length - done), position + done)
    if (bytesRead === 0) throw new Error('文件不完整')
    done += bytesRead
  }
}
