/**
 * Write an ISO date the Chinese way; missing or malformed input gives 未知.
 * @example chineseDate('2023-03-14') // '2023年3月14日'
 */
export function chineseDate(date?: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '')
  if (!match) return '未知'
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`
}
