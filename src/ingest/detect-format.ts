import path from 'node:path'
import type { SourceFormat } from '../types.ts'

/** Extensions we read, by format. */
const extensions: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
}

/**
 * The format a report file is written in: by extension, else by sniffing the text (HTML tags, front matter or
 * Markdown headings), else plain text.
 *
 * @example
 *   detectFormat('reports/2023/a.htm', '') // → 'html'
 */
export function detectFormat(file: string, text: string): SourceFormat {
  const known = extensions[path.extname(file).toLowerCase()]
  if (known) return known
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '')
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*(?:<\?xml[^>]*>\s*)?<!doctype\s+html/i.test(head)) return 'html'
  if (/<html[\s>]|<body[\s>]/i.test(head)) return 'html'
  if (/^---\r?\n/.test(head)) return 'md'
  if (/^#{1,6}[ \t]+\S/m.test(head)) return 'md'
  return 'txt'
}
