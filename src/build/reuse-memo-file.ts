import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { createReuseMemo, type ReportReuse, type ReportUnits, type ReuseMemo } from '../analysis/index.ts'

/**
 * The text-reuse memo on disk (`findReuse`'s `kept`), in columns: a report's units as slices of six shared arrays and
 * each listing as JSON text, so reading 10,000 reports' worth is a few copies and one parse per listing, not
 * millions of small objects, and a kept listing is written back as the text it was read from. A file of another
 * analysis version, or one that cannot be read, gives an empty memo.
 */
/** Bumped when the columns change: with the analysis version, what a file must match to be read. */
const format = 1

interface MemoColumns {
  version: string
  unitKeys: string[]
  unitCounts: Int32Array
  chars: Float64Array
  para: Int32Array
  start: Int32Array
  end: Int32Array
  hashA: Uint32Array
  hashB: Uint32Array
  bandKeys: Uint32Array
  alignedKeys: string[]
  aligned: Uint8Array
  listingKeys: string[]
  listings: string[]
  reads: string[]
}

export async function readReuseMemo(file: string, version: string): Promise<ReuseMemo> {
  let columns: MemoColumns
  try {
    columns = deserialize(await readFile(file)) as MemoColumns
  } catch {
    return createReuseMemo()
  }
  if (columns?.version !== `${format}/${version}`) return createReuseMemo()
  const memo = createReuseMemo()
  const bands = columns.unitKeys.length > 0 ? columns.bandKeys.length / Math.max(1, columns.para.length) : 0
  let at = 0
  columns.unitKeys.forEach((key, index) => {
    const count = columns.unitCounts[index] ?? 0
    const units: ReportUnits = {
      para: columns.para.subarray(at, at + count),
      start: columns.start.subarray(at, at + count),
      end: columns.end.subarray(at, at + count),
      hashA: columns.hashA.subarray(at, at + count),
      hashB: columns.hashB.subarray(at, at + count),
      bandKeys: columns.bandKeys.subarray(at * bands, (at + count) * bands),
      chars: columns.chars[index] ?? 0,
    }
    memo.units.set(key, units)
    at += count
  })
  columns.alignedKeys.forEach((key, index) => memo.aligned.set(key, columns.aligned[index] === 1))
  columns.listingKeys.forEach((key, index) => {
    const json = columns.listings[index] ?? '{}'
    memo.listings.set(key, { listing: JSON.parse(json) as ReportReuse, reads: columns.reads[index] ?? '', json })
  })
  return memo
}

/** Write the memo atomically (a temporary file, then rename): a build stopped half-way leaves the old file or the new. */
export async function writeReuseMemo(file: string, version: string, memo: ReuseMemo): Promise<void> {
  const blocks = [...memo.units.values()]
  const join = <T extends Int32Array | Uint32Array>(empty: T, pick: (units: ReportUnits) => T): T => {
    const joined = new (empty.constructor as new (length: number) => T)(blocks.reduce((sum, units) => sum + pick(units).length, 0))
    let at = 0
    for (const units of blocks) {
      joined.set(pick(units), at)
      at += pick(units).length
    }
    return joined
  }
  const columns: MemoColumns = {
    version: `${format}/${version}`,
    unitKeys: [...memo.units.keys()],
    unitCounts: Int32Array.from(blocks, (units) => units.para.length),
    chars: Float64Array.from(blocks, (units) => units.chars),
    para: join(new Int32Array(0), (units) => units.para),
    start: join(new Int32Array(0), (units) => units.start),
    end: join(new Int32Array(0), (units) => units.end),
    hashA: join(new Uint32Array(0), (units) => units.hashA),
    hashB: join(new Uint32Array(0), (units) => units.hashB),
    bandKeys: join(new Uint32Array(0), (units) => units.bandKeys),
    alignedKeys: [...memo.aligned.keys()],
    aligned: Uint8Array.from(memo.aligned.values(), (aligned) => (aligned ? 1 : 0)),
    listingKeys: [...memo.listings.keys()],
    listings: [...memo.listings.values()].map((entry) => entry.json ?? JSON.stringify(entry.listing)),
    reads: [...memo.listings.values()].map((entry) => entry.reads),
  }
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, serialize(columns))
  await rename(temporary, file)
}
