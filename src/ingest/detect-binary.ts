import { sniffUtf16 } from './sniff-utf16.ts'

/** Known file signatures: offset, bytes, and what the file is. */
const signatures: readonly { offset: number; bytes: readonly number[]; what: string }[] = [
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'PNG 图片' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { offset: 0, bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF 文档' },
  { offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 压缩包（DOCX、XLSX、OFD 等）' },
  { offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06], what: '空的 ZIP 压缩包' },
  { offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: '旧版 Office 文档（DOC、XLS 或 WPS）' },
  { offset: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'RAR 压缩包' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7-Zip 压缩包' },
  { offset: 0, bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz 压缩包' },
  { offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00], what: 'TIFF 图片' },
  { offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'TIFF 图片' },
  { offset: 8, bytes: [0x57, 0x45, 0x42, 0x50], what: 'WebP 图片' },
  { offset: 4, bytes: [0x66, 0x74, 0x79, 0x70], what: 'MP4/HEIF 媒体文件' },
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'ELF 可执行文件' },
  { offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d], what: 'WebAssembly 模块' },
  { offset: 0, bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'SQLite 数据库' },
]

/**
 * Say what bytes are when they are not a text report (`PNG 图片`, `含 NUL 字节的二进制数据`), or null when they may be text.
 *
 * Checks magic numbers, then the share of NUL and control bytes in the first 8 KiB (UTF-16 excepted).
 */
export function detectBinary(bytes: Uint8Array): string | null {
  for (const signature of signatures) {
    if (startsWith(bytes, signature.offset, signature.bytes)) return signature.what
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
  if (nuls > length * 0.01 || (nuls > 0 && length < 100)) return '含 NUL 字节的二进制数据'
  if (controls > length * 0.05) return '大部分是控制字符的二进制数据'
  return null
}

/** True when `bytes` holds `expected` at `offset`. */
function startsWith(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false
  return expected.every((byte, index) => bytes[offset + index] === byte)
}
