import { createMessage, type RuleArgs, type RuleId } from '../../messages.ts'
import type { Agency, Message, MetaOverrides, RawReport, Report, Result, Section, Source } from '../../types.ts'
import { isWebsiteName, nationalBody } from './body-patterns.ts'
import { collectAgencyEvidence, type AgencyEvidence } from './collect-agency-evidence.ts'
import { countPlaceMentions } from './count-place-mentions.ts'
import { findAgency } from './find-agency.ts'
import { findPublished } from './find-published.ts'
import { findPublisher } from './find-publisher.ts'
import { findTitle } from './find-title.ts'
import { findYear } from './find-year.ts'
import { loadDivisions } from './load-divisions.ts'
import { makeId } from './make-id.ts'
import { placeFromHost, placeFromWebsite, type HostPlace } from './place-from-host.ts'
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
  const url = overrides.url ?? hints?.url ?? null
  const evidence = collectAgencyEvidence(input)
  const found = findAgency(evidence, overrides, mentions, { text: context, host: findHostPlace(url, input.fields) })
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
    file: input.file,
  })
  const title = findTitle({
    override: overrides.title,
    title: input.title,
    hint: hints?.title,
    agency: agency.short !== null && agency.name === null ? agency.short : agency.name,
    year: year.year,
  })
  const hostPlace = findHostPlace(url, input.fields).place
  const [province] = agency.region
  if (hostPlace !== null && province !== undefined && agency.level !== 'central' && hostPlace.path[0] !== province && overrides.region === undefined) {
    warn('host-place-conflict', { text: agency.region.join('/'), host: hostPlace.path.join('/') })
  }
  reportGaps({ agency, undecided: found.undecided, year, published: published.published, warn, found: describeEvidence(evidence, input.fields, url, mentions) })
  return {
    value: {
      id:
        overrides.id ??
        makeId({
          year: year.year,
          region: agency.region,
          body: found.body,
          national: agency.level === 'central' || (agency.name !== null && nationalBody.test(agency.name)),
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

/** The place the report's address names, else the place a 来源 website's name starts with (青岛政务网 → 青岛市). */
function findHostPlace(url: string | null, fields: Record<string, string>): HostPlace {
  const fromUrl = placeFromHost(url)
  if (fromUrl.place !== null) return fromUrl
  const website = Object.entries(fields).find(([label, value]) => /来源/.test(label) && isWebsiteName(toSimplified(value.trim())))
  return website === undefined ? fromUrl : placeFromWebsite(toSimplified(website[1].trim()))
}

/** What the text offered about its author, in words, for the warning when no name could be made of it. */
function describeEvidence(evidence: AgencyEvidence, fields: Record<string, string>, url: string | null, mentions: Map<string, number>): string {
  const found: string[] = []
  if (evidence.selfWord !== null) found.push(`正文只以“${evidence.selfWord}”自称，未写出名称`)
  const level = evidence.selfLevel ?? evidence.areaLevel
  const { byName } = loadDivisions()
  const named = [...mentions.keys()].filter((name) => (byName.get(name) ?? []).some((place) => place.level === level))
  if (named.length > 1) found.push(`正文提到的同级地名不止一个（${named.slice(0, 4).join('、')}），无从确定`)
  else if (evidence.areaLevel !== null) found.push('正文只说“全省/全市/全县”等，未写明是哪里')
  const websites = Object.entries(fields).filter(([label, value]) => /来源/.test(label) && isWebsiteName(value.trim()))
  for (const [label, value] of websites) found.push(`${label}“${value.trim()}”是网站名称，不是机构`)
  if (url !== null && placeFromHost(url).place === null) found.push('网址不是能认出地名的政府网站')
  if (found.length === 0) found.push('标题、来源/发文机关字段、落款和导语首句都没有写出机构名称')
  return found.join('；')
}

function reportGaps(input: {
  agency: Agency
  undecided: string[][]
  year: { year: number | null; from: string | null; folderYear: number | null }
  published: string | null
  warn: Warn
  found: string
}): void {
  const { agency, warn } = input
  if (agency.name === null) {
    warn('unknown-agency', { found: input.found })
  } else if (input.undecided.length > 0) {
    warn('ambiguous-region', {
      agency: agency.name,
      candidates: input.undecided.map((path) => path.join('/')).join('、'),
      kept: agency.region.join(', '),
    })
  } else if (agency.region.length === 0 && agency.level !== 'central' && !nationalBody.test(agency.name)) {
    warn('unknown-region', { agency: agency.name })
  }
  const { folderYear } = input.year
  if (input.year.from === 'folder') {
    warn('year-from-folder', { year: folderYear })
  } else if (folderYear !== null && input.year.year !== null && input.year.year !== folderYear && input.year.from !== 'override') {
    warn('year-folder-mismatch', { year: input.year.year, folderYear })
  }
  if (input.year.from === 'published') {
    warn('year-from-publication-date', { published: input.published?.slice(0, 4) ?? '', year: input.year.year })
  } else if (input.year.year === null) {
    warn('unknown-year')
  }
}
