import { readChineseNumber } from './chinese-number.ts'

const cn = '[〇○零ＯOo一二三四五六七八九]'
const cnSmall = '[一二三四五六七八九十]{1,3}'
/** Arabic dates: 2023-03-14, 2023/3/14, 2023.03.14, 2023年03月14日, 2023 年 3 月 14 日. */
const arabic = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?/
/** Chinese-numeral dates: 二〇二三年二月二日, 二〇二三年三月十日. */
const chinese = new RegExp(`(${cn}{4})\\s*年\\s*(${cnSmall})\\s*月\\s*(${cnSmall})\\s*日`)
/** A line that holds nothing but one date (a signature date). */
const dateOnly = new RegExp(`^[\\s（(]*(?:${arabic.source}|${chinese.source})[\\s）)]*$`)

/**
 * Find the first date in a string and return it as `YYYY-MM-DD`, or null when there is none or it is not a real
 * calendar date (2023-02-30).
 *
 * @example parseDate('发布时间：2023-03-14 15:35') // '2023-03-14'
 * @example parseDate('二〇二三年二月二日') // '2023-02-02'
 */
export function parseDate(text: string): string | null {
  const found = findDateParts(text)
  if (!found) return null
  return formatDate(found.year, found.month, found.day)
}

/** Whether the whole line is a date and nothing else, as a signature date is. */
export function isDateLine(line: string): boolean {
  return dateOnly.test(line)
}

/** Whether the text contains something shaped like a date, valid or not. */
export function hasDateShape(text: string): boolean {
  return findDateParts(text) !== null
}

function findDateParts(text: string): { year: number; month: number; day: number } | null {
  const a = arabic.exec(text)
  const c = chinese.exec(text)
  const first = a && c ? (a.index <= c.index ? a : c) : (a ?? c)
  if (!first) return null
  const year = readChineseNumber(first[1] ?? '')
  const month = readChineseNumber(first[2] ?? '')
  const day = readChineseNumber(first[3] ?? '')
  if (year === null || month === null || day === null) return null
  return { year, month, day }
}

function formatDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
