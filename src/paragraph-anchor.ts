import type { Section } from './types.ts'

/**
 * The fragment id of a section's paragraph: `<anchor>-p<n>`, unless an earlier build published it under another id
 * (`paragraphAnchors`, kept by the permalink registry). The one rule for the report page and the analysis alike.
 */
export function paragraphAnchor(section: Pick<Section, 'anchor' | 'paragraphAnchors'>, index: number): string {
  return section.paragraphAnchors?.[index] ?? `${section.anchor}-p${index + 1}`
}
