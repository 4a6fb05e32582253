import { createMessage, type RuleArgs, type RuleId } from '../../messages.ts'
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
import { toSimplified } from './to-simplified.ts'

/** Record a warning of one rule about the report. */
type Warn = <R extends RuleId>(ruleId: R, ...params: RuleArgs<R>) => void

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
  const warn: Warn = (ruleId, ...params) => {
    messages.push(createMessage(ruleId, { file: input.file, severity: 'warning' }, ...params))
  }
  const context = toSimplified([input.title ?? '', ...Object.values(input.fields), input.text].join('\n'))
  const mentions = countPlaceMentions(context)
  const found = findAgency(collectAgencyEvidence(input), overrides, mentions)
  const { agency } = found
  const published = findPublished({
    override: overrides.published,
    fields: input.fields,
    sections: input.sections,
    text: input.text,
    hint: hints?.published,
  })
  for (const value of published.invalid) warn('invalid-date', { found: value })
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
  warn: Warn
}): void {
  const { agency, warn } = input
  if (agency.name === null) {
    warn('unknown-agency')
  } else if (input.undecided.length > 0) {
    warn('ambiguous-region', {
      agency: agency.name,
      candidates: input.undecided.map((path) => path.join('/')).join('、'),
      kept: agency.region.join(', '),
    })
  } else if (agency.region.length === 0 && !nationalBody.test(agency.name)) {
    warn('unknown-region', { agency: agency.name })
  }
  if (input.year.from === 'published') {
    warn('year-from-publication-date', { published: input.published?.slice(0, 4) ?? '', year: input.year.year })
  } else if (input.year.year === null) {
    warn('unknown-year')
  }
}
