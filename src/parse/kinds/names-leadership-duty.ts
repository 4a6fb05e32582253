import { detectionText } from '../lines/detection-text.ts'

// The duty the statutory leadership part reports on: 履行推进法治建设第一责任人职责, however the subject is named.
const duty = /第一责任人|履行推进法治(?:政府)?建设[^。]{0,6}职责|(?:党政)?主要负责(?:人|同志)[^。]{0,30}(?:履行|落实)[^。]{0,20}法治[^。]{0,10}职责/
/** Longest run-in lead sentence (`强化组织领导，压实法治建设责任。`) that may come before the sentence naming the duty. */
const maxLead = 24

/**
 * Whether the first sentence of a paragraph reports on the leaders' 第一责任人 duty
 * (`局党组书记、局长切实履行推进法治建设第一责任人职责…`), which opens a leadership part however it is headed; after a
 * short run-in lead sentence (`强化组织领导，压实法治建设责任。镇党委书记…`), the second sentence counts instead.
 */
export function namesLeadershipDuty(paragraph: string): boolean {
  const text = detectionText(paragraph.slice(0, 200))
  const end = text.indexOf('。')
  if (end === -1) return duty.test(text)
  if (duty.test(text.slice(0, end))) return true
  if (end > maxLead) return false
  const next = text.indexOf('。', end + 1)
  return duty.test(text.slice(end + 1, next === -1 ? text.length : next))
}
