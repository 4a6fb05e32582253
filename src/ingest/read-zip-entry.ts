import { inflateRawSync } from 'node:zlib'

/**
 * The bytes of one file in a ZIP archive (a .docx is one), read through the central directory; null when the archive
 * has no such entry or uses a compression other than stored or deflate.
 */
export function readZipEntry(zip: Uint8Array, name: string): Buffer | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end + 22 > bytes.length) return null
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  for (let index = 0; index < count && at + 46 <= bytes.length; index++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) return null
    const method = bytes.readUInt16LE(at + 10)
    const compressedSize = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const localHeader = bytes.readUInt32LE(at + 42)
    const entryName = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    if (entryName === name) {
      if (localHeader + 30 > bytes.length || bytes.readUInt32LE(localHeader) !== 0x04034b50) return null
      const start = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28)
      const data = bytes.subarray(start, start + compressedSize)
      if (method === 0) return Buffer.from(data)
      if (method === 8) return inflateRawSync(data)
      return null
    }
    at += 46 + nameLength + extraLength + commentLength
  }
  return null
}
