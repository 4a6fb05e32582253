import { classifyPart } from './classify-part.ts'
import { detectionText } from './detection-text.ts'
import type { DraftSection } from './draft-section.ts'

/** A child heading that is the leadership part nested inside another part. */
const leadershipChild = /第一责任人|主要负责人|党政负责人|党政主要领导/

/**
 * Classify top-level parts by heading keywords; an unrecognised part before the first shortcomings or plans part is
 * taken as achievements (reports often number their fields of work as top-level parts), later ones as `other`.
 * Children take the parent's kind, except a leadership heading nested in achievements.
 */
export function assignKinds(sections: DraftSection[], year: number | null): void {
  let seenLater = false
  for (const section of sections) {
    if (section.kind !== null) continue
    const kind = classifyPart(section.heading, section.paragraphs.map((paragraph) => paragraph.text), year)
    section.kind = kind ?? (seenLater ? 'other' : 'achievements')
    if (section.kind === 'shortcomings' || section.kind === 'plans') seenLater = true
  }
  for (const section of sections) assignChildKinds(section)
}

function assignChildKinds(parent: DraftSection): void {
  for (const child of parent.children) {
    child.kind = parent.kind === 'achievements' && leadershipChild.test(detectionText(child.heading ?? '')) ? 'leadership' : parent.kind
    assignChildKinds(child)
  }
}
