import type { Report, Section, SectionKind } from '../types.ts'
import { alignChars } from './align-chars.ts'
import type { Accepted, ExpectedLine, HoldoutExpectation } from './holdout-types.ts'

/** Metadata fields scored, in the order the table prints them. */
export const metadataFields = ['name', 'short', 'region', 'level', 'year', 'published', 'title'] as const
type MetadataField = (typeof metadataFields)[number]

/** How one parsed report measures against its expectation. */
export interface ReportScore {
  /** Body characters (whitespace removed, NFKC) the fixture holds. */
  bodyChars: number
  /** Of those, characters found in the output under the expected kind. */
  rightKindChars: number
  /** Metadata fields right, by field. */
  metadata: Record<MetadataField, { right: boolean; expected: unknown; got: unknown }>
  /** Occurrences of each furniture string left in the sections. */
  furnitureLeft: { text: string; count: number }[]
  /** Body characters missing from the sections. */
  lostChars: number
  /** Characters in the sections that are not body (duplicated, altered or furniture). */
  extraChars: number
  /** Heading lines the fixture has. */
  headings: number
  /** Of those, headings the output has as a section heading (number and heading text). */
  headingsFound: number
  /** Concrete problems, each naming the line: what the parser did and what it should do. */
  failures: string[]
}

interface Unit {
  text: string
  kind: SectionKind
}

/** Score one report (null when the parser gave up) against the fixture's expected body lines and metadata. */
export function scoreReport(lines: readonly ExpectedLine[], expected: HoldoutExpectation, report: Report | null): ReportScore {
  const body = flatten(lines.map((line) => ({ text: line.text, kind: line.kind })))
  const units: Unit[] = report === null ? [] : report.sections.flatMap(sectionUnits)
  const output = flatten(units)
  const { matches, common } = alignChars(body.text, output.text)
  let rightKindChars = 0
  for (let i = 0; i < matches.length; i++) {
    const j = matches[i] as number
    if (j !== -1 && output.kinds[j] === body.kinds[i]) rightKindChars++
  }
  const failures = [
    ...kindFailures(lines, body, output, matches),
    ...lostFailures(body, matches),
    ...extraFailures(output, matches, common),
  ]
  const furnitureLeft = expected.furniture
    .map((text) => ({ text, count: countOccurrences(output.text, squeeze(text)) }))
    .filter((entry) => entry.count > 0)
  for (const entry of furnitureLeft) failures.push(`furniture 「${entry.text}」 left ${entry.count}× in the sections; it should be stripped`)
  const outputHeadings = report === null ? [] : report.sections.flatMap(sectionHeadings).map(squeeze)
  const expectedHeadings = expected.kinds.filter((entry) => entry.paragraph !== true)
  const missed = expectedHeadings.filter((entry) => !outputHeadings.some((heading) => sameStart(heading, squeeze(entry.startsWith))))
  for (const entry of missed) failures.push(`heading 「${entry.startsWith}」 not read as a section heading; it should open a ${entry.kind} section`)
  const metadata = scoreMetadata(expected, report)
  for (const field of metadataFields) {
    const score = metadata[field]
    if (!score.right) failures.push(`metadata ${field}: got ${JSON.stringify(score.got)}, expected ${JSON.stringify(score.expected)}`)
  }
  return {
    bodyChars: body.text.length,
    rightKindChars,
    metadata,
    furnitureLeft,
    lostChars: body.text.length - common,
    extraChars: output.text.length - common,
    headings: expectedHeadings.length,
    headingsFound: expectedHeadings.length - missed.length,
    failures,
  }
}

/** Text units of a section in reading order: number and heading, paragraphs, then children. */
function sectionUnits(section: Section): Unit[] {
  const heading = `${section.number ?? ''}${section.heading ?? ''}`
  return [
    ...(heading === '' ? [] : [{ text: heading, kind: section.kind }]),
    ...section.paragraphs.map((text) => ({ text, kind: section.kind })),
    ...section.children.flatMap(sectionUnits),
  ]
}

/** Number and heading of every section and sub-section, in order. */
function sectionHeadings(section: Section): string[] {
  const heading = `${section.number ?? ''}${section.heading ?? ''}`
  return [...(section.heading === null ? [] : [heading]), ...section.children.flatMap(sectionHeadings)]
}

/** True when one string starts with the other (a heading may be shorter or longer than the expected prefix). */
function sameStart(heading: string, prefix: string): boolean {
  return heading.length > 0 && (heading.startsWith(prefix) || prefix.startsWith(heading))
}

/** Concatenated squeezed text with, per code unit, its kind and the unit it came from. */
function flatten(units: readonly Unit[]): { text: string; kinds: SectionKind[]; unitOf: number[] } {
  let text = ''
  const kinds: SectionKind[] = []
  const unitOf: number[] = []
  units.forEach((unit, index) => {
    const squeezed = squeeze(unit.text)
    text += squeezed
    for (let k = 0; k < squeezed.length; k++) {
      kinds.push(unit.kind)
      unitOf.push(index)
    }
  })
  return { text, kinds, unitOf }
}

/** NFKC without white space, so full-width and half-width punctuation and indents compare equal. */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '')
}

/** Lines whose characters mostly landed under another kind. */
function kindFailures(lines: readonly ExpectedLine[], body: ReturnType<typeof flatten>, output: ReturnType<typeof flatten>, matches: Int32Array): string[] {
  const failures: string[] = []
  lines.forEach((line, index) => {
    const got = new Map<string, number>()
    let total = 0
    for (let i = 0; i < body.unitOf.length; i++) {
      if (body.unitOf[i] !== index) continue
      total++
      const j = matches[i] as number
      if (j !== -1) got.set(output.kinds[j] as string, (got.get(output.kinds[j] as string) ?? 0) + 1)
    }
    const top = [...got.entries()].sort((a, b) => b[1] - a[1])[0]
    if (top !== undefined && top[0] !== line.kind && top[1] * 2 > total) {
      failures.push(`「${excerpt(line.text)}」 classified as ${top[0]}; it should be ${line.kind}`)
    }
  })
  return failures
}

/** Runs of body characters that never reached the sections. */
function lostFailures(body: ReturnType<typeof flatten>, matches: Int32Array): string[] {
  return runs(matches.length, (i) => matches[i] === -1).map(([from, to]) =>
    `lost ${to - from} character${to - from === 1 ? '' : 's'} 「${excerpt(body.text.slice(from, to))}」 (line starting 「${excerpt(bodyLineStart(body, from), 12)}」); they should stay in the body`)
}

/** Runs of output characters with no body partner. */
function extraFailures(output: ReturnType<typeof flatten>, matches: Int32Array, common: number): string[] {
  if (output.text.length === common) return []
  const paired = new Uint8Array(output.text.length)
  for (const j of matches) if (j !== -1) paired[j] = 1
  return runs(output.text.length, (j) => paired[j] === 0).map(([from, to]) =>
    `extra ${to - from} character${to - from === 1 ? '' : 's'} 「${excerpt(output.text.slice(from, to))}」 in the sections (${output.kinds[from]}); they are not report body`)
}

/** Half-open index ranges where `test` holds. */
function runs(length: number, test: (index: number) => boolean): [number, number][] {
  const found: [number, number][] = []
  let start = -1
  for (let index = 0; index <= length; index++) {
    const inside = index < length && test(index)
    if (inside && start === -1) start = index
    if (!inside && start !== -1) {
      found.push([start, index])
      start = -1
    }
  }
  return found
}

/** The squeezed text of the body line that holds character `at`. */
function bodyLineStart(body: ReturnType<typeof flatten>, at: number): string {
  const unit = body.unitOf[at]
  const first = body.unitOf.indexOf(unit as number)
  return body.text.slice(first, first + 12)
}

/** At most `length` characters, with an ellipsis when cut. */
function excerpt(text: string, length = 24): string {
  return text.length > length ? `${text.slice(0, length)}…` : text
}

/** Non-overlapping occurrences of `needle` in `text`. */
function countOccurrences(text: string, needle: string): number {
  if (needle === '') return 0
  let count = 0
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++
  return count
}

/** Each scored metadata field: right or not, with both values for the failure list. */
function scoreMetadata(expected: HoldoutExpectation, report: Report | null): ReportScore['metadata'] {
  const meta = expected.metadata
  const got: Record<MetadataField, unknown> = {
    name: report?.agency.name ?? null,
    short: report?.agency.short ?? null,
    region: report?.agency.region ?? null,
    level: report?.agency.level ?? null,
    year: report?.year ?? null,
    published: report?.published ?? null,
    title: report === null ? null : report.titleInferred ? `(inferred) ${report.title}` : report.title,
  }
  const titleRight = report !== null && report.titleInferred === meta.titleInferred &&
    (meta.titleInferred || (meta.title !== null && squeeze(meta.title) === squeeze(report.title)))
  const score = (field: Exclude<MetadataField, 'title'>): { right: boolean; expected: unknown; got: unknown } => ({
    right: report !== null && accepts(meta[field] as Accepted<unknown>, got[field]),
    expected: meta[field],
    got: got[field],
  })
  return {
    name: score('name'),
    short: score('short'),
    region: score('region'),
    level: score('level'),
    year: score('year'),
    published: score('published'),
    title: { right: titleRight, expected: meta.titleInferred ? '(inferred)' : meta.title, got: got.title },
  }
}

/** True when `value` equals the accepted value or one of its alternatives (strings compared squeezed). */
function accepts(accepted: Accepted<unknown>, value: unknown): boolean {
  const options: unknown[] = typeof accepted === 'object' && accepted !== null && 'anyOf' in accepted && Array.isArray(accepted.anyOf)
    ? accepted.anyOf
    : [accepted]
  return options.some((option) => same(option, value))
}

/** Deep equality of JSON values, strings compared squeezed. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return squeeze(a) === squeeze(b)
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => same(item, b[index]))
  return a === b
}
