const digits: Record<string, number> = {
  '〇': 0, '○': 0, 零: 0, 'Ｏ': 0, O: 0, o: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/**
 * Read a number written in Chinese numerals: digit by digit for years (二〇二三 → 2023) or with 十 for months
 * and days (十二 → 12, 二十一 → 21, 三十 → 30). Arabic digits pass through. Null when it is neither.
 */
export function readChineseNumber(written: string): number | null {
  const text = written.trim()
  if (/^\d+$/.test(text)) return Number(text)
  if (text === '') return null
  if (text.includes('十')) {
    const match = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text)
    if (!match) return null
    const tens = match[1] ? (digits[match[1]] ?? 1) : 1
    const units = match[2] ? (digits[match[2]] ?? 0) : 0
    return tens * 10 + units
  }
  let value = 0
  for (const char of text) {
    const digit = digits[char]
    if (digit === undefined) return null
    value = value * 10 + digit
  }
  return value
}
