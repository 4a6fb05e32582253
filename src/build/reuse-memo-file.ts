import { inPieces, readColumnFile, typedInPieces, writeColumnFile, type TypedColumn } from './column-file.ts'
import { createReuseMemo, lazyReportReuse, listingSummaryOf, listingTextOf, type KeptListing, type ListingText, type ReportReuse, type ReportUnits, type ReuseMemo } from '../analysis/index.ts'

/** Bumped when the columns change: with the analysis version, what a file must match to be read. */
const format = 7

/** A report's per-unit arrays; in the file each is one column, every report's slice after the other. */
const unitColumns = ['para', 'start', 'end', 'hashA', 'hashB', 'bandKeys'] as const
type UnitColumns = Pick<ReportUnits, (typeof unitColumns)[number]>

/** Each unit column's kind of array, empty. */
const emptyUnitColumns: UnitColumns = { para: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0), hashA: new Uint32Array(0), hashB: new Uint32Array(0), bandKeys: new Uint32Array(0) }

interface MemoColumns {
  version: string
  unitKeys: string[]
  unitCounts: Int32Array
  chars: Float64Array
  units: UnitColumns
  alignedKeys: string[]
  aligned: Uint8Array
  listingKeys: string[]
  /** Each listing's JSON text and summary (`ListingText`), one column each; `others` joined by a newline. */
  listings: string[]
  shares: Float64Array
  paragraphs: Int32Array
  others: string[]
  digests: string[]
  reads: string[]
}

/**
 * Read the text-reuse memo (`findReuse`'s `kept`) from its columns: a report's units are slices of the shared
 * arrays, and each listing is handed to `keep` as its JSON text with its summary as soon as its piece is read (by
 * default it stays that text, `lazyReportReuse`, read only where a page shows it). The reuse worker writes each to
 * its listings file instead: at 100,000 reports the texts are ~740 million characters, which a rebuild's worker
 * held beside everything else (its process reached 6 GB). A file of another analysis version, or one that cannot be
 * read, gives an empty memo.
 */
export async function readReuseMemo(file: string, version: string, keep: (text: ListingText) => ReportReuse = lazyReportReuse): Promise<ReuseMemo> {
  let columns: MemoColumns
  const listings: ReportReuse[] = []
  const keepPiece = (piece: unknown, before: ReadonlyMap<string, unknown>): void => {
    // The summaries come before the texts; a file of another version is not read further.
    const read = Object.fromEntries(before) as Partial<MemoColumns>
    if (read.version !== `${format}/${version}`) throw new Error('另一版本的文本复用记录')
    for (const json of piece as string[]) {
      const index = listings.length
      const others = read.others?.[index] ?? ''
      listings.push(
        keep({
          json,
          reusedShare: read.shares?.[index] ?? 0,
          paragraphs: read.paragraphs?.[index] ?? 0,
          others: others === '' ? [] : others.split('\n'),
          digest: read.digests?.[index] ?? '',
        }),
      )
    }
  }
  try {
    // Column by column: the file (1.75 GB at 100,000 reports) is never one buffer.
    const read = await readColumnFile(file, new Map([['listings', keepPiece]]))
    const units = Object.fromEntries(unitColumns.map((name) => [name, read.get(`units.${name}`)])) as UnitColumns
    columns = { ...Object.fromEntries(read), units } as MemoColumns
  } catch {
    return createReuseMemo()
  }
  if (columns?.version !== `${format}/${version}`) return createReuseMemo()
  const memo = createReuseMemo()
  let at = 0
  columns.unitKeys.forEach((key, index) => {
    const count = columns.unitCounts[index] ?? 0
    const slice = <T extends Int32Array | Uint32Array>(column: T): T => {
      // A column holds the same number of values for every unit (`bandKeys` several).
      const width = column.length / Math.max(1, columns.units.para.length)
      return column.subarray(at * width, (at + count) * width) as T
    }
    const units = Object.fromEntries(unitColumns.map((name) => [name, slice(columns.units[name])])) as UnitColumns
    memo.units.set(key, { ...units, chars: columns.chars[index] ?? 0 })
    at += count
  })
  columns.alignedKeys.forEach((key, index) => memo.aligned.set(key, columns.aligned[index] === 1))
  columns.listingKeys.forEach((key, index) => {
    const listing = listings[index]
    if (listing) memo.listings.set(key, { listing, reads: columns.reads[index] ?? '' } satisfies KeptListing)
  })
  return memo
}

/**
 * Write the memo atomically (a temporary file, then rename), a column at a time, each made when it is written: a build
 * stopped half-way leaves the old file or the new.
 */
export async function writeReuseMemo(file: string, version: string, memo: ReuseMemo): Promise<void> {
  await writeColumnFile(file, memoColumns(version, memo))
}

/** The memo's columns (`MemoColumns`), one at a time. */
function* memoColumns(version: string, memo: ReuseMemo): Generator<readonly [string, unknown]> {
  const blocks = [...memo.units.values()]
  const listings = [...memo.listings.values()]
  // The summaries only: a listing's text is read (from the listings file, in the reuse worker) when its piece is written.
  const summaries = listings.map((entry) => listingSummaryOf(entry.listing))
  yield ['version', `${format}/${version}`]
  yield ['unitKeys', [...memo.units.keys()]]
  yield ['unitCounts', Int32Array.from(blocks, (units) => units.para.length)]
  yield ['chars', Float64Array.from(blocks, (units) => units.chars)]
  // In pieces of reports: the band keys alone are ~210 MB at 100,000 reports, once more joined, and again serialised.
  for (const name of unitColumns) yield* typedInPieces<ReportUnits, TypedColumn>(`units.${name}`, blocks, (units) => units[name], emptyUnitColumns[name])
  yield* inPieces('alignedKeys', [...memo.aligned.keys()], (key) => key)
  yield ['aligned', Uint8Array.from(memo.aligned.values(), (aligned) => (aligned ? 1 : 0))]
  yield ['listingKeys', [...memo.listings.keys()]]
  // The summaries before the texts: a reader hands on each text with its summary as soon as its piece is read.
  yield ['shares', Float64Array.from(summaries, (summary) => summary.reusedShare)]
  yield ['paragraphs', Int32Array.from(summaries, (summary) => summary.paragraphs)]
  yield* inPieces('others', summaries, (summary) => summary.others.join('\n'))
  yield* inPieces('digests', summaries, (summary) => summary.digest)
  yield* inPieces('reads', listings, (entry) => entry.reads)
  // The listings' text is most of the memo (740 million characters at 100,000 reports): written in pieces.
  yield* inPieces('listings', listings, (entry) => listingTextOf(entry.listing).json)
}
