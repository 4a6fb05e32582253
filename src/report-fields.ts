import type { Report } from './types.ts'

/**
 * A report's properties but its sections, in their order, the sections not read: a large build reads a report's
 * back from its parse cache entry each time they are asked for (src/build/spill-sections.ts), and a rest spread
 * (`{ sections, ...rest }`) asks.
 * @example JSON.stringify(reportFieldsOf(report))
 */
export function reportFieldsOf(report: Report): Omit<Report, 'sections'> {
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(report)) if (key !== 'sections') fields[key] = report[key as keyof Report]
  return fields as Omit<Report, 'sections'>
}
