import { kindLabel } from '../parse/section-kinds.ts'
import type { Report, Section } from '../types.ts'
import { displayTitle } from './display-title.ts'

/** A reference in three formats. The access date is the literal placeholder `引用日期` (filled in by the page's script) so builds stay byte-identical. */
export interface Citation {
  /** GB/T 7714-2015 electronic resource reference. */
  gbt: string
  /** BibTeX `@online` entry. */
  bibtex: string
  /** CSL-JSON item, pretty-printed. */
  csl: string
}

/** The placeholder printed where the reader's access date goes. */
export const accessDatePlaceholder = '引用日期'

/**
 * Cite a report, or one of its sections when `section` is given, at the absolute `url` of its page or anchor.
 * @example citeReport(report, 'http://localhost:8080/reports/2022/tianjin-zwfwb/').gbt
 */
export function citeReport(report: Report, url: string, section?: Section): Citation {
  const author = report.agency.name ?? report.agency.short ?? '佚名'
  const part = section ? sectionTitle(section) : null
  const title = part ? `${displayTitle(report)}: ${part}` : displayTitle(report)
  const date = report.published
  const gbt = `${author}. ${title}[EB/OL]. ${date ? `(${date})` : ''}[${accessDatePlaceholder}]. ${url}.`
  const id = section ? `${report.id}-${section.anchor}` : report.id
  const bibFields = [
    `  author = {{${escapeBibtex(author)}}}`,
    `  title = {{${escapeBibtex(title)}}}`,
    ...(date ? [`  year = {${date.slice(0, 4)}}`, `  date = {${date}}`] : []),
    `  url = {${url}}`,
    `  urldate = {${accessDatePlaceholder}}`,
  ]
  const bibtex = `@online{${id},\n${bibFields.join(',\n')}\n}`
  const csl = JSON.stringify(
    {
      id,
      type: 'webpage',
      title,
      author: [{ literal: author }],
      ...(date ? { issued: { 'date-parts': [date.split('-').map(Number)] } } : {}),
      URL: url,
      accessed: { raw: accessDatePlaceholder },
      language: 'zh-CN',
    },
    null,
    2,
  )
  return { gbt, bibtex, csl }
}

function sectionTitle(section: Section): string {
  return `${section.number ?? ''}${section.heading ?? ''}`.trim() || kindLabel(section.kind)
}

/** Escape the characters BibTeX treats specially; braces are dropped so the entry always balances. */
function escapeBibtex(text: string): string {
  return text.replace(/[{}\\]/g, '').replace(/([%&$#_^~])/g, '\\$1')
}
