import { decodeBytes } from './decode-bytes.ts'
import { findDeclaredCharset } from './find-declared-charset.ts'

/** Labels that all mean "decode as GB18030", the superset of GBK and GB2312. */
const gbLabels = /^(?:gb18030|gbk|gb2312|gb_2312(?:-80)?|x-gbk|cp936|csgb2312|chinese|windows-936|euc-cn)$/i

/** Where the encoding was taken from. */
export type CharsetSource = 'header' | 'bom' | 'meta' | 'detected'

/**
 * Decode bytes fetched from the web in the order browsers use: the HTTP `Content-Type` charset, then a BOM, then
 * `<meta charset>`/`http-equiv`/the XML declaration, then detection (`decodeBytes`). A declared charset is used only
 * when the bytes are valid in it (government sites often declare one and send another); null when nothing decodes.
 *
 * @example decodeFetchedBytes(gbkBytes, 'text/html; charset=GBK') // → { text, encoding: 'gb18030', from: 'header' }
 */
export function decodeFetchedBytes(bytes: Uint8Array, contentType: string | null | undefined): { text: string; encoding: string; from: CharsetSource } | null {
  const header = decodeDeclared(bytes, charsetOfContentType(contentType))
  if (header) return { ...header, from: 'header' }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (bom || bom16) {
    const decoded = decodeBytes(bytes)
    return decoded === null ? null : { ...decoded, from: 'bom' }
  }
  const meta = decodeDeclared(bytes, findDeclaredCharset(bytes))
  if (meta) return { ...meta, from: 'meta' }
  const detected = decodeBytes(bytes)
  return detected === null ? null : { ...detected, from: 'detected' }
}

/** The `charset` parameter of a Content-Type header, lower-cased, or undefined. */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')
  return match?.[1]?.toLowerCase()
}

/** The text when `label` names an encoding the bytes are strictly valid in (no BOM present), else null. */
function decodeDeclared(bytes: Uint8Array, label: string | undefined): { text: string; encoding: string } | null {
  if (label === undefined) return null
  const encoding = gbLabels.test(label) ? 'gb18030' : label
  try {
    const decoder = new TextDecoder(encoding, { fatal: true })
    return { text: decoder.decode(bytes), encoding: decoder.encoding }
  } catch {
    return null
  }
}
