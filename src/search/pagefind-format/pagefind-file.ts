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
 * A Pagefind file for `data`; equal data gives equal bytes (Node's gzip header has no timestamp). zlib's default level:
 * level 9 took six times as long for word chunks 0.6 % smaller.
 */
export function packPagefindFile(data: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([signature, data]), { level: 6 })
}
