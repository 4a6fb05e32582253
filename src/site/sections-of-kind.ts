import type { Section, SectionKind } from '../types.ts'

/**
 * The outermost sections of one kind, in document order: a top-level part of that kind, or a sub-part whose kind
 * differs from its parent's (a leadership item inside the achievements part).
 * @example sectionsOfKind(report.sections, 'leadership')
 */
export function sectionsOfKind(sections: readonly Section[], kind: SectionKind): Section[] {
  return sections.flatMap((section) => (section.kind === kind ? [section] : sectionsOfKind(section.children, kind)))
}

/** Every kind that occurs anywhere in the section tree. */
export function kindsPresent(sections: readonly Section[]): Set<SectionKind> {
  const kinds = new Set<SectionKind>()
  const visit = (list: readonly Section[]): void => {
    for (const section of list) {
      kinds.add(section.kind)
      visit(section.children)
    }
  }
  visit(sections)
  return kinds
}
