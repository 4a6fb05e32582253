/**
 * Share of characters a Chinese report is normally written in: ASCII, common CJK ideographs and punctuation.
 *
 * Mis-decoded bytes land in rare blocks (Latin supplements, Cyrillic, private use, U+FFFD), so a low share means the
 * guessed encoding is wrong. Linear in the length of `text`.
 *
 * @example
 *   scoreText('第一条 abc') // → 1
 */
export function scoreText(text: string): { score: number; replacements: number } {
  let common = 0
  let total = 0
  let replacements = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    total++
    if (code === 0xfffd) replacements++
    else if (isCommon(code)) common++
  }
  return { score: total === 0 ? 1 : common / total, replacements }
}

/** True for code units seen in ordinary Chinese government prose (surrogates of CJK extensions count as common). */
function isCommon(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0xb7 ||
    code === 0xd7 ||
    (code >= 0x2010 && code <= 0x2030) || // dashes, quotes, ellipsis, per-mille
    (code >= 0x2160 && code <= 0x216b) || // Roman numerals Ⅰ–Ⅻ
    (code >= 0x2460 && code <= 0x249b) || // ①, ⑴, ⒈
    (code >= 0x25a0 && code <= 0x25cf) || // ■ □ ▲ ○ ●
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation, ideographic space
    (code >= 0x3220 && code <= 0x3243) || // ㈠
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xd840 && code <= 0xdfff) || // surrogate pairs of CJK extensions B+
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff01 && code <= 0xff65) ||
    code === 0xfeff
  )
}
