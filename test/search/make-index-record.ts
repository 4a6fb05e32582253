// Test helper: index records of tiny fixture reports, made from page data as the build makes them, so the index
// and the CLI can be tested without an Eleventy build.
import { indexRecordOf, type IndexRecord } from '../../src/search/index.ts'
import type { Level, SectionKind } from '../../src/types.ts'

/** One section of a fixture report (top level, heading with its number). */
export interface PageSection {
  anchor: string
  kind: SectionKind
  heading: string
  paragraphs: string[]
}

/** A fixture report page. */
export interface PageSpec {
  year: number
  slug: string
  title: string
  agency: string
  province: string
  level: Level
  published: string
  sections: PageSection[]
}

/** The index record of a fixture report page at `/reports/{year}/{slug}/`. */
export function makeIndexRecord(spec: PageSpec): IndexRecord {
  const kinds = [...new Set(spec.sections.map((section) => section.kind))]
  return indexRecordOf({
    url: `/reports/${spec.year}/${spec.slug}/`,
    title: spec.title,
    year: spec.year,
    province: spec.province,
    level: spec.level,
    agencyName: spec.agency,
    kinds,
    published: spec.published,
    sections: spec.sections.map((section) => ({ ...section, number: null, children: [] })),
  })
}
