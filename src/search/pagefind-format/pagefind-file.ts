import { gunzipSync, gzipSync } from 'node:zlib'

/** A Pagefind bundle in memory: file paths relative to its folder (`filter/zh_1a2b3c4.pf_filter`) and their bytes. */
export type Bundle = Map<string, Uint8Array>

/** Every Pagefind data file is gzip of this signature followed by the data. */
const signature = Buffer.from('pagefind_dcd')

/** The data of a Pagefind file (meta, index chunk, filter chunk, fragment). */
export function unpackPagefindFile(file: Uint8Array): Uint8Array {
  const data = gunzipSync(file)
  if (!data.subarray(0, signature.length).equals(signature)) throw new Error('not a Pagefind data file')
  return data.subarray(signature.length)
}

/**
 * A Pagefind file for `data`; equal data gives equal bytes (Node's gzip header has no timestamp). zlib level 5: for a
 * 1,500-page bundle's word chunks (39 MB) it took 0.65 s where level 6, the default, took 1.15 s for files 0.8 %
 * smaller, and level 4 took 0.50 s for files 5.8 % larger than level 5's. Fragments take as long and come out the
 * same size at 5 and 6 (docs/performance.md, "Session 13"). Level 9 took six times as long for 0.6 % less.
 */
export function packPagefindFile(data: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([signature, data]), { level: 5 })
}
