/**
 * The charset an HTML or XML page declares in its first 4 KiB (`<meta charset>`, `http-equiv` Content-Type, or the
 * XML declaration), lower-cased; undefined when none.
 *
 * @example
 *   findDeclaredCharset(new TextEncoder().encode('<meta charset="GBK">')) // → 'gbk'
 */
export function findDeclaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps every byte to one character, so ASCII markup is readable whatever the real encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta?.[1]) return meta[1].toLowerCase()
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml?.[1]) return xml[1].toLowerCase()
  return undefined
}
