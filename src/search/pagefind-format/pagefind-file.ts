import { gunzipSync, gzipSync } from 'node:zlib'

/** Every Pagefind data file is gzip of this signature followed by the data. */
const signature = Buffer.from('pagefind_dcd')

/** The data of a Pagefind file (meta, index chunk, filter chunk, fragment). */
export function unpackPagefindFile(file: Uint8Array): Uint8Array {
  const data = gunzipSync(file)
  if (!data.subarray(0, signature.length).equals(signature)) throw new Error('not a Pagefind data file')
  return data.subarray(signature.length)
}

/** A Pagefind file for `data`; equal data gives equal bytes (Node's gzip header has no timestamp). */
export function packPagefindFile(data: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([signature, data]), { level: 9 })
}
