/** Numbering styles of Chinese official documents, outermost first (GB/T 9704: 一、 （一） 1. （1）). */
export type NumberStyle = 'chapter' | 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic' | 'circled'

/** A heading number found at the start of a line. */
export interface HeadingNumber {
  /** Numbering style, which fixes the nesting rank. */
  style: NumberStyle
  /** Nesting rank: smaller is outer (chapter 0 … circled 5). */
  rank: number
  /** The number's value (一 → 1), for sequence checks. */
  ordinal: number
  /** Length of the number in the line, trailing spaces excluded. */
  length: number
}

const patterns: readonly { style: NumberStyle; rank: number; pattern: RegExp }[] = [
  { style: 'chapter', rank: 0, pattern: /^第\s*([一二三四五六七八九十]{1,3})\s*(?:部分|章)\s*[、.:]?/ },
  { style: 'paren-chinese', rank: 2, pattern: /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*[、.]?/ },
  { style: 'chinese', rank: 1, pattern: /^([一二三四五六七八九十]{1,3})\s*[、.,]/ },
  { style: 'paren-arabic', rank: 4, pattern: /^\(\s*(\d{1,2})\s*\)\s*[、.]?|^(\d{1,2})\)/ },
  // 1.5 is a decimal and 1、2月 a list of months, but 1、2018年工作情况 is a part heading.
  { style: 'arabic', rank: 3, pattern: /^(\d{1,2})\s*(?:\.(?!\d)|、(?!\d{1,3}(?!\d)))/ },
  { style: 'circled', rank: 5, pattern: /^([①-⑳])/ },
]

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** Read the heading number at the start of a normalised line (`一、`, `(一)`, `1.`, `(1)`, `①`, `第一部分`), or null. */
export function readHeadingNumber(norm: string): HeadingNumber | null {
  for (const { style, rank, pattern } of patterns) {
    const match = pattern.exec(norm)
    if (match === null) continue
    const digits = match[1] ?? match[2] ?? ''
    const ordinal = style === 'circled' ? digits.charCodeAt(0) - 0x2460 + 1 : /\d/.test(digits) ? Number(digits) : chineseNumber(digits)
    if (ordinal <= 0) continue
    return { style, rank, ordinal, length: match[0].length }
  }
  return null
}

/** 一 → 1, 十二 → 12, 二十三 → 23; 0 when malformed. */
function chineseNumber(text: string): number {
  const ten = text.indexOf('十')
  if (ten === -1) return text.length === 1 ? chineseDigits[text] ?? 0 : 0
  const tens = ten === 0 ? 1 : chineseDigits[text.slice(0, ten)] ?? 0
  const units = ten === text.length - 1 ? 0 : chineseDigits[text.slice(ten + 1)] ?? 0
  return tens * 10 + units
}
