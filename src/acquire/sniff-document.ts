import { detectBinary } from '../ingest/index.ts'

/** What a fetched body is, and the extension it is kept under. */
export type Sniffed =
  | { kind: 'html' | 'txt' | 'pdf' | 'docx'; extension: string }
  | { kind: 'doc' | 'wps' }
  | { kind: 'unsupported'; what: string }

/**
 * Tell what a fetched body is from its first bytes, then its Content-Type and the URL's extension: PDF (`%PDF-`),
 * .docx (a ZIP holding `word/document.xml`), legacy Word or WPS (an OLE compound file), HTML or plain text;
 * anything else (images, spreadsheets, archives) is unsupported, named.
 */
export function sniffDocument(bytes: Uint8Array, contentType: string | null, url: string): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024))
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const extension = extensionOf(url)
  if (head.includes('%PDF-')) return { kind: 'pdf', extension: '.pdf' }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (Buffer.from(bytes).includes('word/document.xml')) return { kind: 'docx', extension: '.docx' }
    return { kind: 'unsupported', what: `ZIP 压缩包或其他 Office 文件（${extension || type || '无扩展名'}）` }
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    if (extension === '.wps' || /wps/.test(type)) return { kind: 'wps' }
    if (extension === '.doc' || extension === '' || /msword/.test(type)) return { kind: 'doc' }
    return { kind: 'unsupported', what: `旧版 Office 文件（${extension}）` }
  }
  if (/^image\/|^audio\/|^video\/|^font\//.test(type)) return { kind: 'unsupported', what: type }
  const binary = detectBinary(bytes)
  if (binary) return { kind: 'unsupported', what: binary }
  const text = head.toString('latin1')
  if (/html|xml/.test(type) || /<!doctype\s+html|<html[\s>]|<body[\s>]|<meta\s/i.test(text)) return { kind: 'html', extension: '.html' }
  return { kind: 'txt', extension: '.txt' }
}

/** The lower-cased extension of the URL's path, e.g. `.pdf`, or ''. */
function extensionOf(url: string): string {
  try {
    return /\.[a-z0-9]{1,5}$/i.exec(new URL(url).pathname)?.[0]?.toLowerCase() ?? ''
  } catch {
    return ''
  }
}
