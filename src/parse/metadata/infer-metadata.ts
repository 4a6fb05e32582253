import type { Agency, Message, MetaOverrides, RawReport, Report, Result, Section, Source } from '../../types.ts'
import { nationalBody } from './body-patterns.ts'
import { collectAgencyEvidence } from './collect-agency-evidence.ts'
import { countPlaceMentions } from './count-place-mentions.ts'
import { findAgency } from './find-agency.ts'
import { findPublished } from './find-published.ts'
import { findPublisher } from './find-publisher.ts'
import { findTitle } from './find-title.ts'
import { findYear } from './find-year.ts'
import { makeId } from './make-id.ts'
import { placeFromHost } from './place-from-host.ts'
import { toSimplified } from './to-simplified.ts'

/** What the structure stage hands over for metadata inference. */
export interface MetadataInput {
  /** RawReport.file, used in messages. */
  file: string
  /** The title line as written, or null when the source has none. */
  title: string | null
  /** Metadata lines read from the page, keyed by label with spaces removed: { 来源: '…', 发布时间: '2023-03-14 15:35' }. */
  fields: Record<string, string>
  /** From an HTML container (<title>, meta dates, canonical url); may be undefined. */
  hints: RawReport['hints']
  /** Validated sidecar / front-matter values: they win over anything inferred. */
  overrides: MetaOverrides
  /** The classified tree; kind 'closing' holds the signature and date lines as paragraphs. */
  sections: Section[]
  /** The body text, lines joined with \n (preamble first). */
  text: string
}

/** The report-level fields inferred from a report's own content; `url` and `publisher` go into `Report.source`. */
export type Metadata = Pick<Report, 'id' | 'title' | 'titleInferred' | 'agency' | 'year' | 'published'> &
  Pick<Source, 'url' | 'publisher'>

/**
 * Infer id, title, agency, year, publication date, publisher and url from a parsed report. The value is never null;
 * the messages are warnings naming the file and the evidence that was missing.
 */
export function inferMetadata(input: MetadataInput): Result<Metadata> {
  const { overrides, hints } = input
  const messages: Message[] = []
  const warn = (ruleId: string, reason: string): void => {
    messages.push({ file: input.file, line: null, reason, ruleId, severity: 'warning' })
  }
  const context = toSimplified([input.title ?? '', ...Object.values(input.fields), input.text].join('\n'))
  const mentions = countPlaceMentions(context)
  const url = overrides.url ?? hints?.url ?? null
  const evidence = collectAgencyEvidence(input)
  const found = findAgency(evidence, overrides, mentions, { text: context, host: placeFromHost(url) })
  const { agency } = found
  const published = findPublished({
    override: overrides.published,
    fields: input.fields,
    sections: input.sections,
    text: input.text,
    hint: hints?.published,
  })
  for (const value of published.invalid) warn('invalid-date', `${value} is not a calendar date; expected YYYY-MM-DD`)
  const year = findYear({
    override: overrides.year,
    title: input.title ?? hints?.title ?? null,
    sections: input.sections,
    text: input.text,
    published: published.published,
  })
  const title = findTitle({
    override: overrides.title,
    title: input.title,
    hint: hints?.title,
    agency: agency.short !== null && agency.name === null ? agency.short : agency.name,
    year: year.year,
  })
  reportGaps({ agency, undecided: found.undecided, year, published: published.published, warn })
  return {
    value: {
      id:
        overrides.id ??
        makeId({
          year: year.year,
          region: agency.region,
          body: found.body,
          national: agency.name !== null && nationalBody.test(agency.name),
          fallback: agency.name ?? input.title ?? input.text.slice(0, 2000),
        }),
      title: title.title,
      titleInferred: title.titleInferred,
      agency,
      year: year.year,
      published: published.published,
      url: overrides.url ?? hints?.url ?? null,
      publisher: findPublisher({ override: overrides.publisher, fields: input.fields, hint: hints?.title }),
    },
    messages,
  }
}

function reportGaps(input: {
  agency: Agency
  undecided: string[][]
  year: { year: number | null; from: string | null }
  published: string | null
  warn: (ruleId: string, reason: string) => void
}): void {
  const { agency, warn } = input
  if (agency.name === null) {
    warn(
      'unknown-agency',
      'no reporting body found: no 来源/发文机关 field naming a body, no signature line in the closing, no name before the year in the title, and the preamble names none (我局 alone is no name); set `agency` in the sidecar .meta.yml',
    )
  } else if (input.undecided.length > 0) {
    warn(
      'ambiguous-region',
      `${agency.name}: the name fits ${input.undecided.map((path) => path.join('/')).join(', ')} and the text names none of their provinces or cities more than the others; region kept to [${agency.region.join(', ')}]; set \`region\` in the sidecar`,
    )
  } else if (agency.region.length === 0 && !nationalBody.test(agency.name)) {
    warn(
      'unknown-region',
      `${agency.name}: no province, city or county name found in it or in the other evidence; set \`region\` in the sidecar`,
    )
  }
  if (input.year.from === 'published') {
    warn(
      'year-from-publication-date',
      `no year in the title, the preamble or the plans heading; took the publication year ${input.published?.slice(0, 4) ?? ''} minus one (${input.year.year ?? ''})`,
    )
  } else if (input.year.year === null) {
    warn('unknown-year', 'no year in the title, the preamble, the plans heading or a publication date; set `year` in the sidecar')
  }
}
