import { classifyPart, namedKinds } from './classify-part.ts'
import { detectionText } from '../lines/detection-text.ts'
import type { DraftSection } from '../sections/draft-section.ts'
import { namesLeadershipDuty } from './names-leadership-duty.ts'

/** A child heading that is the leadership part nested inside another part. */
const leadershipChild = /第一责任人|主要负责人|党政负责人|党政主要领导/

/**
 * Classify top-level parts by heading keywords; a part whose heading names none but whose first sentence reports the
 * 第一责任人 duty is leadership; other unrecognised parts before the first shortcomings or plans part are taken as
 * achievements (reports often number their fields of work as top-level parts), later ones as `other`.
 * Children take the parent's kind, except a leadership item inside achievements (by its heading or first sentence)
 * and a sub-part of a combined part (`存在的不足和下一步打算`) whose heading names one of the parent's kinds.
 */
export function assignKinds(sections: DraftSection[], year: number | null): void {
  let seenLater = false
  for (const section of sections) {
    if (section.kind !== null) continue
    const kind = classifyPart(section.heading, section.paragraphs.map((paragraph) => paragraph.text), year)
    const leads = kind === null && section.heading !== null && namesLeadershipDuty(section.paragraphs[0]?.text ?? '')
    section.kind = kind ?? (leads ? 'leadership' : seenLater ? 'other' : 'achievements')
    if (section.kind === 'shortcomings' || section.kind === 'plans') seenLater = true
  }
  for (const section of sections) assignChildKinds(section)
}

function assignChildKinds(parent: DraftSection): void {
  const combined = parent.heading === null ? [] : namedKinds(parent.heading)
  for (const child of parent.children) {
    const own = child.heading === null ? null : classifyPart(child.heading)
    if (combined.length > 1 && own !== null && combined.includes(own)) child.kind = own
    else if (parent.kind === 'achievements' && isLeadershipItem(child)) child.kind = 'leadership'
    else child.kind = parent.kind
    assignChildKinds(child)
  }
}

function isLeadershipItem(child: DraftSection): boolean {
  if (leadershipChild.test(detectionText(child.heading ?? ''))) return true
  return namesLeadershipDuty(child.paragraphs[0]?.text ?? '')
}
