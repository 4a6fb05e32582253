import { scoreText } from './score-text.ts'
import { sniffUtf16 } from './sniff-utf16.ts'

/** Labels that all mean "decode as GB18030", the superset of GBK and GB2312. */
const gbLabels = new Set(['gb18030', 'gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'x-gbk', 'cp936', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280', 'windows-936', 'euc-cn'])

/** Lowest share of ordinary characters (see `scoreText`) for a guess to be believed. */
const minScore = 0.9

/**
 * Decode report bytes, detecting the encoding: BOM, then UTF-16 by NUL pattern, strict UTF-8, UTF-8 with a cut last
 * character, GB18030, the declared charset; null when none gives believable text.
 *
 * `declared` (from `<meta charset>`) only breaks ties: strictly valid UTF-8 stays UTF-8 unless GB18030 reads better.
 *
 * @example
 *   decodeBytes(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])) // → { text: '中文', encoding: 'gb18030' }
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): { text: string; encoding: string } | null {
  const bom = decodeByBom(bytes)
  if (bom) return bom
  const utf16 = sniffUtf16(bytes)
  if (utf16) {
    const text = decodeStrict(utf16, bytes)
    if (text !== null && scoreText(text).score >= minScore) return { text, encoding: utf16 }
  }
  const label = normaliseLabel(declared)
  const utf8 = decodeStrict('utf-8', bytes)
  if (utf8 !== null) {
    const gb = readsBetterAsGb(bytes, utf8, label)
    return gb === null ? { text: utf8, encoding: 'utf-8' } : { text: gb, encoding: 'gb18030' }
  }
  const damaged = decodeDamagedUtf8(bytes)
  if (damaged !== null) return { text: damaged, encoding: 'utf-8' }
  const cjk16 = sniffCjkUtf16(bytes)
  if (cjk16) {
    const text = decodeStrict(cjk16, bytes)
    if (text !== null && scoreText(text).score >= minScore) return { text, encoding: cjk16 }
  }
  const gb = decodeGb(bytes)
  if (gb !== null) return { text: gb, encoding: 'gb18030' }
  if (label && label !== 'utf-8' && label !== 'gb18030') {
    const text = decodeStrict(label, bytes)
    if (text !== null && scoreText(text).score >= minScore) return { text, encoding: label }
  }
  return null
}

/** Decode by byte-order mark, BOM removed; null without one. */
function decodeByBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const [first, second, third] = bytes
  if (first === 0xef && second === 0xbb && third === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (first === 0xff && second === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (first === 0xfe && second === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  return null
}

/** Decode with `fatal: true`; null when the bytes are invalid in that encoding or it is unknown. */
function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * UTF-8 text with a cut last character or a stray bad byte, else null. Must come before GB18030: Chinese UTF-8
 * also decodes cleanly as GB18030, into the wrong characters, while GBK read as UTF-8 is mostly U+FFFD.
 */
function decodeDamagedUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  const { score, replacements } = scoreText(text)
  return replacements <= allowedReplacements(text) && score >= minScore ? text : null
}

/** How many U+FFFD a believable decoding may contain: one at the very end, plus one per 2,000 characters. */
function allowedReplacements(text: string): number {
  return Math.floor(text.length / 2000) + (text.endsWith('\uFFFD') ? 1 : 0)
}

/** GB18030 text when it decodes with next to no U+FFFD and reads as Chinese, else null. */
function decodeGb(bytes: Uint8Array): string | null {
  const text = new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes)
  const { score, replacements } = scoreText(text)
  // A truncated download may cut the last character in half; more damage than that means the guess is wrong.
  if (replacements > allowedReplacements(text) || score < minScore) return null
  return text
}

/** The GB18030 text when bytes valid as UTF-8 read better that way (short GBK runs can be valid UTF-8), else null. */
function readsBetterAsGb(bytes: Uint8Array, utf8: string, label: string | undefined): string | null {
  if (!hasHighBytes(bytes)) return null
  const utf8Score = scoreText(utf8).score
  // Chinese UTF-8 can also decode cleanly as GB18030 (into rarer ideographs), so clean UTF-8 always wins.
  if (utf8Score >= 0.98) return null
  const gb = decodeGb(bytes)
  if (gb === null) return null
  const gbScore = scoreText(gb).score
  const better = gbScore > utf8Score || (gbScore === utf8Score && label === 'gb18030')
  return better ? gb : null
}

/** True when any byte is outside ASCII (scans until the first). */
function hasHighBytes(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) if ((bytes[index] ?? 0) >= 0x80) return true
  return false
}

/**
 * UTF-16 without BOM and without ASCII: the high byte of CJK text is almost always 0x4E–0x9F (ideographs), 0x30
 * (punctuation) or 0xFF (full-width forms), while the low bytes are spread out.
 */
function sniffCjkUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 8192) & ~1
  if (length < 8) return null
  let evenHigh = 0
  let oddHigh = 0
  for (let index = 0; index < length; index += 2) {
    if (isCjkHighByte(bytes[index] ?? 0)) evenHigh++
    if (isCjkHighByte(bytes[index + 1] ?? 0)) oddHigh++
  }
  const pairs = length / 2
  if (oddHigh >= pairs * 0.85 && evenHigh < pairs * 0.6) return 'utf-16le'
  if (evenHigh >= pairs * 0.85 && oddHigh < pairs * 0.6) return 'utf-16be'
  return null
}

/** True for a byte that can be the high byte of a UTF-16 code unit in Chinese text. */
function isCjkHighByte(byte: number): boolean {
  return byte === 0 || byte === 0x20 || byte === 0x30 || byte === 0xff || (byte >= 0x4e && byte <= 0x9f)
}

/** Canonical encoding name for a declared charset label, or undefined when none or unknown. */
function normaliseLabel(declared: string | undefined): string | undefined {
  if (!declared) return undefined
  const label = declared.trim().toLowerCase()
  if (gbLabels.has(label)) return 'gb18030'
  try {
    return new TextDecoder(label).encoding
  } catch {
    return undefined
  }
}
