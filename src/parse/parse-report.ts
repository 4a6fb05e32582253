import { unified } from 'unified'
import { VFile } from 'vfile'
import { describe, reportWarnings, type RuleId } from '../messages.ts'
import type { Message, RawReport, Report, Result } from '../types.ts'
import { linesToMdast } from './headings/lines-to-mdast.ts'
import { markHeadings } from './headings/mark-headings.ts'
import { assignKinds } from './kinds/assign-kinds.ts'
import { splitUnheadedParts } from './kinds/split-unheaded-parts.ts'
import { prepareBody } from './lines/prepare-body.ts'
import { inferMetadata } from './metadata/index.ts'
import { buildSections, emptySection } from './sections/build-sections.ts'
import { collectWarnings } from './sections/collect-warnings.ts'
import { splitClosing } from './sections/split-closing.ts'
import { toSections } from './sections/to-sections.ts'

/** Fewer CJK characters than this is not a report (a stub page, a link list, an error page). */
const minCjk = 50
/** Characters of body text handed to metadata inference (real reports are 5,000–60,000). */
const maxMetadataText = 300_000
const topicPattern = /法治|法制|依法|行政|政府/
const yearPattern = /((?:19|20)\d{2})\s*年/

/**
 * Parse a decoded report into a `Report`: strip furniture, read the title and metadata lines, mark headings,
 * nest and classify sections, split off the closing, and infer metadata. Unusable input gives `value: null` and one error.
 */
export function parseReport(raw: RawReport): Result<Report> {
  const { body, fields, title } = prepareBody(raw)
  const text = body.map((line) => line.text).join('\n')
  const unusable = checkUsable(text, title?.text ?? null)
  if (unusable !== null) {
    return { value: null, messages: [{ file: raw.file, line: null, ...unusable, severity: 'error' }] }
  }
  const { main, closing } = splitClosing(body)
  const tree = linesToMdast(main)
  const file = new VFile({ path: raw.file })
  unified().use(markHeadings).runSync(tree, file)
  const drafts = buildSections(tree)
  const year = guessYear(title?.text ?? null, main.slice(0, 3).map((line) => line.text))
  assignKinds(drafts, year)
  const parts = splitUnheadedParts(drafts, year)
  if (closing.length > 0) {
    const section = emptySection('closing')
    section.paragraphs = closing.map((line) => ({ text: line.text, line: line.line }))
    parts.push(section)
  }
  const sections = toSections(parts)
  // Metadata lives in the title, fields, opening and closing; a bounded text keeps huge inputs linear and fast.
  const metadataText = text.length > maxMetadataText ? text.slice(0, maxMetadataText) : text
  const metadata = inferMetadata({ file: raw.file, title: title?.text ?? null, fields, hints: raw.hints, overrides: raw.overrides, sections, text: metadataText })
  const messages: Message[] = [
    ...file.messages.map((message): Message => ({
      file: raw.file, line: message.line ?? null, reason: message.reason, ruleId: message.ruleId ?? 'parse', severity: 'warning',
    })),
    ...collectWarnings(raw.file, sections),
    ...metadata.messages,
  ]
  const meta = metadata.value
  if (meta === null) return { value: null, messages }
  const report: Report = {
    id: meta.id,
    title: meta.title,
    titleInferred: meta.titleInferred,
    agency: meta.agency,
    year: meta.year,
    published: meta.published,
    source: {
      file: raw.file,
      format: raw.format,
      encoding: raw.encoding,
      sha256: raw.sha256,
      url: meta.url,
      publisher: meta.publisher,
      ...(raw.overrides.fetched === undefined ? {} : { fetched: raw.overrides.fetched }),
      ...(raw.pageStarts === undefined ? {} : { pageStarts: raw.pageStarts }),
    },
    sections,
    warnings: reportWarnings(messages),
  }
  return { value: report, messages }
}

/** Why the body cannot be a report, or null when it can. */
function checkUsable(text: string, title: string | null): { ruleId: RuleId; reason: string } | null {
  if (text.trim() === '') return { ruleId: 'empty', reason: describe('empty', { cause: 'furniture' }) }
  const cjk = countIdeographs(text, minCjk)
  if (cjk === 0) return { ruleId: 'no-cjk', reason: describe('no-cjk') }
  if (cjk < minCjk) return { ruleId: 'not-a-report', reason: describe('not-a-report', { cjk, min: minCjk }) }
  if (!topicPattern.test(text) && !topicPattern.test(title ?? '')) return { ruleId: 'not-a-report', reason: describe('not-a-report', {}) }
  return null
}

/** CJK ideographs in the text, counting no further than `limit`. */
function countIdeographs(text: string, limit: number): number {
  let count = 0
  for (let index = 0; index < text.length && count < limit; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) count++
  }
  return count
}

/** The year a report is about, guessed from its title or else its first paragraphs, for classifying `2024年工作安排`. */
function guessYear(title: string | null, paragraphs: readonly string[]): number | null {
  for (const text of [title ?? '', ...paragraphs.slice(0, 2)]) {
    const match = yearPattern.exec(text)
    if (match?.[1] !== undefined) return Number(match[1])
  }
  return null
}
