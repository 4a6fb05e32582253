import type { SourceLine } from '../lines/split-lines.ts'

/** Body lines split into the main text and the closing signature (agency, date, attachment note) at the very end. */
export interface ClosingSplit {
  /** Lines before the closing. */
  main: SourceLine[]
  /** The closing lines, possibly empty. */
  closing: SourceLine[]
}

const digit = '[0-9〇零○Ｏ一二三四五六七八九十]'
const dateLine = new RegExp(`^[(\\[]?\\s*${digit}{4}\\s*年\\s*${digit}{1,3}\\s*月(?:\\s*${digit}{1,3}\\s*日)?\\s*[)\\]]?$|^\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}$`)
const agencySource = '[^。,;:!?]{2,40}(?:政府|委员会|委|局|办公室|办|厅|院|部|中心|署|所|处|党组|党委|管委会|工委|街道|办事处|镇|乡|区|县|市|省|公司|小组|室|队|站|会)'
const agencyLine = new RegExp(`^${agencySource}$`)
// A scrape that lost the line break runs the signature into its date: 天津市河西区人民政府2024年1月26日.
const signedDateLine = new RegExp(`^${agencySource}${digit}{4}年${digit}{1,3}月${digit}{1,3}日$`)
const noteLine = /^\([^()]{1,60}\)$/
const attachmentLine = /^附件\s*\d*\s*(?::|$)/
const numbered = /^(?:[一二三四五六七八九十]{1,3}\s*[、.,]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|\d{1,2}\s*[、.](?!\d)|[①-⑳])/
const maxClosingLines = 6

/** How far from the end an attachment list (附件：1.… 2.…) may start. */
const attachmentReach = 20
const maxAttachmentItem = 80

/**
 * Split off the trailing signature block: agency name and/or date lines (and notes or 附件 lines among them). An
 * attachment list (`附件：` and the numbered titles under it) before or after the signature goes with it, so its
 * `1.` `2.` lines are never read as headings.
 */
export function splitClosing(lines: readonly SourceLine[]): ClosingSplit {
  const attachments = findAttachmentList(lines)
  let start = lines.length
  let signed = attachments.size > 0 && attachments.has(lines.length - 1)
  while (start > 1 && lines.length - start < maxClosingLines + attachments.size) {
    if (attachments.has(start - 1)) {
      start--
      continue
    }
    const norm = (lines[start - 1] as SourceLine).norm.replace(/\s+/g, '')
    if (numbered.test(norm)) break
    const isDate = dateLine.test(norm)
    const isAgency = agencyLine.test(norm) || signedDateLine.test(norm)
    if (!isDate && !isAgency && !noteLine.test(norm) && !attachmentLine.test(norm)) break
    signed ||= isDate || isAgency
    start--
  }
  if (!signed) return { main: [...lines], closing: [] }
  return { main: lines.slice(0, start), closing: lines.slice(start) }
}

/** Indices of the last 附件 line near the end and of the short numbered titles that follow it. */
function findAttachmentList(lines: readonly SourceLine[]): Set<number> {
  const found = new Set<number>()
  for (let index = lines.length - 1; index >= Math.max(0, lines.length - attachmentReach); index--) {
    if (!attachmentLine.test((lines[index] as SourceLine).norm.replace(/\s+/g, ''))) continue
    found.add(index)
    for (let next = index + 1; next < lines.length; next++) {
      const norm = (lines[next] as SourceLine).norm.replace(/\s+/g, '')
      if (!numbered.test(norm) || norm.length > maxAttachmentItem || norm.includes('。')) break
      found.add(next)
    }
    break
  }
  return found
}
