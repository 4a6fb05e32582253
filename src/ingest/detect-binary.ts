import { sniffUtf16 } from './sniff-utf16.ts'

/** Known file signatures: offset, bytes, and what the file is. */
const signatures: readonly { offset: number; bytes: readonly number[]; what: string }[] = [
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { offset: 0, bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (DOCX, XLSX, OFD or similar)' },
  { offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a legacy Office document (DOC, XLS or WPS)' },
  { offset: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { offset: 0, bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive' },
  { offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { offset: 8, bytes: [0x57, 0x45, 0x42, 0x50], what: 'a WebP image' },
  { offset: 4, bytes: [0x66, 0x74, 0x79, 0x70], what: 'an MP4/HEIF media file' },
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { offset: 0, bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
]

/**
 * Say why bytes are not a text report (`is a PNG image, not a text report`), or null when they may be text.
 *
 * Checks magic numbers, then the share of NUL and control bytes in the first 8 KiB (UTF-16 excepted).
 */
export function detectBinary(bytes: Uint8Array): string | null {
  for (const signature of signatures) {
    if (startsWith(bytes, signature.offset, signature.bytes)) return `is ${signature.what}, not a text report`
  }
  if (sniffUtf16(bytes) !== null) return null
  const length = Math.min(bytes.length, 8192)
  let nuls = 0
  let controls = 0
  for (let index = 0; index < length; index++) {
    const byte = bytes[index] ?? 0
    if (byte === 0) nuls++
    // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls do not.
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b)
      controls++
  }
  if (nuls > length * 0.01 || (nuls > 0 && length < 100)) return 'contains NUL bytes, so it is binary data, not a text report'
  if (controls > length * 0.05) return 'is mostly control bytes, so it is binary data, not a text report'
  return null
}

/** True when `bytes` holds `expected` at `offset`. */
function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false
  return expected.every((byte, index) => bytes[offset + index] === byte)
}
