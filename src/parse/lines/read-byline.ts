/** A date as WeChat and news pages print it in a byline: 2021-02-03, 2021年02月03日. */
const date = String.raw`(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)`
// 原创 瑞金司法 瑞金司法 2021-02-03 17:30 发表于江西: up to four names, the date, a time, the place it was posted from.
const byline = new RegExp(String.raw`^(原创\s*)?((?:[^\s。,;:!?]{1,24}\s+){0,4})${date}(\s+\d{1,2}:\d{2}(?::\d{2})?)?(\s*发表于)?(?:\s*[\u4e00-\u9fa5]{2,4})?$`)

/**
 * Read the byline a WeChat article (or a news page) prints under its title — account names, a date, a time, 发表于 and
 * a province — and return the date as written, or null when the line is not one. A bare signature date is not a byline:
 * the line must say 原创 or 发表于, or give a time after names.
 */
export function readByline(text: string, norm: string): string | null {
  if (norm.length > 80) return null
  const match = byline.exec(norm)
  if (match === null) return null
  const [, original, names, , time, posted] = match
  if (original === undefined && posted === undefined && (time === undefined || names === '')) return null
  const start = match.index + (original?.length ?? 0) + (names?.length ?? 0)
  const found = match[3] ?? ''
  return text.slice(start, start + found.length)
}
