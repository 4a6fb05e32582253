import { paragraphAnchor } from '../paragraph-anchor.ts'
import type { Section, SectionKind } from '../types.ts'

/** One body paragraph with its permalink anchor, as the report page gives it (`{section}-p{n}`). */
export interface PlacedParagraph {
  anchor: string
  kind: SectionKind
  text: string
}

/** What `collectParagraphs` reads of a section: its anchor, kind, paragraphs (and their kept anchors), children. */
export type ParagraphSection = Pick<Section, 'anchor' | 'kind' | 'paragraphs' | 'paragraphAnchors'> & { children: readonly ParagraphSection[] }

/** Every body paragraph of a report in document order, with the anchor the report page gives it. */
export function collectParagraphs(report: { sections: readonly ParagraphSection[] }): PlacedParagraph[] {
  const paragraphs: PlacedParagraph[] = []
  const visit = (sections: readonly ParagraphSection[]): void => {
    for (const section of sections) {
      section.paragraphs.forEach((text, index) => paragraphs.push({ anchor: paragraphAnchor(section, index), kind: section.kind, text }))
      visit(section.children)
    }
  }
  visit(report.sections)
  return paragraphs
}
