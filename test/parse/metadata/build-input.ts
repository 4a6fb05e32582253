import type { Section, SectionKind } from '../../../src/types.ts'
import type { MetadataInput } from '../../../src/parse/metadata/index.ts'

/** A section with just what metadata inference reads. */
export function section(kind: SectionKind, paragraphs: string[], heading: string | null = null, children: Section[] = []): Section {
  return { anchor: kind, kind, number: null, heading, paragraphs, children }
}

/** A metadata input with defaults: no title, fields or hints; the text joined from the sections when not given. */
export function buildInput(parts: Partial<MetadataInput>): MetadataInput {
  const sections = parts.sections ?? []
  const text =
    parts.text ??
    sections
      .flatMap(function lines(s: Section): string[] {
        return [...(s.heading ? [s.heading] : []), ...s.paragraphs, ...s.children.flatMap(lines)]
      })
      .join('\n')
  return {
    file: parts.file ?? 'reports/test.txt',
    title: parts.title ?? null,
    fields: parts.fields ?? {},
    hints: parts.hints,
    overrides: parts.overrides ?? {},
    sections,
    text,
  }
}
