import { kindLabel } from '../vocabulary.ts'
import type { Report, Section } from '../types.ts'
import { displayTitle } from './display-title.ts'

/** One reference in the four formats. */
export interface CitationFormats {
  /** GB/T 7714-2015 electronic resource reference. */
  gbt: string
  /** biblatex `@online` entry (BibTeX syntax). */
  bibtex: string
  /** CSL-JSON item, pretty-printed. */
  csl: string
  /** RIS record (EndNote, NoteExpress, Zotero). */
  ris: string
}

/** Where the access date goes in a plain citation text: `text` (holding `accessToken`) is inserted at offset `at`. */
export interface AccessSlot {
  /** Offset in the plain text, in UTF-16 code units as `String#slice` counts them (the page's script does the same). */
  at: number
  /** What is inserted there, with `accessToken` where today's date goes: `[⁣ACCESSED⁣]`, `Y2  - ⁣ACCESSED⁣\n`. */
  text: string
}

/**
 * A reference to a report or one of its sections. The plain formats carry no access date, so a page read without
 * JavaScript never shows a placeholder in a citation; `access` says where the page's script inserts today's date, so
 * builds stay byte-identical and a page does not carry every citation a second time with the date's slot in it.
 */
export interface Citation extends CitationFormats {
  access: Record<keyof CitationFormats, AccessSlot>
  /** The address cited: the original source when known, else the archive's permalink. */
  url: string
  /** The archive's permalink (with the section's anchor for a section), offered beside the citation. */
  permalink: string
}

/** Marks where the access date goes in an `AccessSlot`; never shown to a reader. */
export const accessToken = '\u2063ACCESSED\u2063'

/**
 * Cite a report, or one of its sections when `section` is given. `permalink` is the absolute URL of its page or anchor
 * on this site; the citation names the report's original address when the source gives one.
 * @example citeReport(report, 'http://localhost:8080/reports/2022/tianjin-zwfwb/').gbt
 */
export function citeReport(report: Report, permalink: string, section?: Section): Citation {
  const entry = entryOf(report, permalink, section)
  const url = entry.url
  const plain = formats(entry, null)
  const dated = formats(entry, accessToken)
  const access = {
    gbt: accessSlot(plain.gbt, dated.gbt),
    bibtex: accessSlot(plain.bibtex, dated.bibtex),
    csl: accessSlot(plain.csl, dated.csl),
    ris: accessSlot(plain.ris, dated.ris),
  }
  return { ...plain, access, url, permalink }
}

/** A citation text with its access date filled in (`date` replaces `accessToken`), as the page's script writes it. */
export function withAccessDate(plain: string, slot: AccessSlot, date: string): string {
  return plain.slice(0, slot.at) + slot.text.split(accessToken).join(date) + plain.slice(slot.at)
}

/** The one insertion that turns `plain` into `dated`: every format adds the access date in one place. */
function accessSlot(plain: string, dated: string): AccessSlot {
  let at = 0
  while (at < plain.length && plain[at] === dated[at]) at++
  const text = dated.slice(at, at + dated.length - plain.length)
  if (dated.slice(at + text.length) !== plain.slice(at)) throw new Error(`citation: the access date is not one insertion in ${JSON.stringify(dated)}`)
  return { at, text }
}

/** A report or section in GB/T 7714 only, with its access date's slot: what a section's citation panel shows. */
export function citeInGbt(report: Report, permalink: string, section?: Section): { gbt: string; access: AccessSlot; permalink: string } {
  const entry = entryOf(report, permalink, section)
  const gbt = toGbt(entry, null)
  return { gbt, access: accessSlot(gbt, toGbt(entry, accessToken)), permalink }
}

function entryOf(report: Report, permalink: string, section?: Section): Entry {
  const part = section ? sectionTitle(section) : null
  return {
    id: section ? `${report.id}-${section.anchor}` : report.id,
    authors: authorsOf(report),
    title: part ? `${displayTitle(report)}: ${part}` : displayTitle(report),
    date: report.published,
    url: sourceUrl(report) ?? permalink,
  }
}

interface Entry {
  id: string
  authors: string[]
  title: string
  date: string | null
  url: string
}

function formats(entry: Entry, accessed: string | null): CitationFormats {
  return { gbt: toGbt(entry, accessed), bibtex: toBibtex(entry, accessed), csl: toCsl(entry, accessed), ris: toRis(entry, accessed) }
}

/** `中共浚县县委, 浚县人民政府. 题名[EB/OL]. (2024-03-20)[2024-05-01]. https://….` */
function toGbt(entry: Entry, accessed: string | null): string {
  const dates = `${entry.date ? `(${entry.date})` : ''}${accessed ? `[${accessed}]` : ''}`
  return `${entry.authors.join(', ')}. ${entry.title}[EB/OL]. ${dates ? `${dates}. ` : ''}${entry.url}.`
}

/** biblatex `@online`; each body braced so it is one corporate author: `{中共浚县县委} and {浚县人民政府}`. */
function toBibtex(entry: Entry, accessed: string | null): string {
  const fields = [
    `  author = {${entry.authors.map((author) => `{${escapeBibtex(author)}}`).join(' and ')}}`,
    `  title = {{${escapeBibtex(entry.title)}}}`,
    ...(entry.date ? [`  date = {${entry.date}}`, `  year = {${entry.date.slice(0, 4)}}`] : []),
    `  url = {${escapeUrl(entry.url)}}`,
    ...(accessed ? [`  urldate = {${accessed}}`] : []),
    '  langid = {chinese}',
  ]
  return `@online{${entry.id},\n${fields.join(',\n')}\n}`
}

function toCsl(entry: Entry, accessed: string | null): string {
  const item = {
    id: entry.id,
    type: 'webpage',
    title: entry.title,
    author: entry.authors.map((literal) => ({ literal })),
    ...(entry.date ? { issued: { 'date-parts': [entry.date.split('-').map(Number)] } } : {}),
    URL: entry.url,
    ...(accessed ? { accessed: { raw: accessed } } : {}),
    language: 'zh-CN',
  }
  return JSON.stringify(item, null, 2)
}

/** RIS `ELEC` (web page) record: one `AU` per body, `Y2` the access date as EndNote and Zotero read it. */
function toRis(entry: Entry, accessed: string | null): string {
  const lines = [
    'TY  - ELEC',
    ...entry.authors.map((author) => `AU  - ${oneLine(author)}`),
    `TI  - ${oneLine(entry.title)}`,
    ...(entry.date ? [`PY  - ${entry.date.slice(0, 4)}`, `DA  - ${entry.date.replaceAll('-', '/')}`] : []),
    `UR  - ${entry.url}`,
    ...(accessed ? [`Y2  - ${accessed}`] : []),
    'LA  - zh-CN',
    `ID  - ${entry.id}`,
    'ER  - ',
  ]
  return lines.join('\n')
}

/** Each body of a joint report, else the agency, else 佚名 (GB/T 7714's word for an unknown author). */
function authorsOf(report: Report): string[] {
  const bodies = report.agency.bodies?.filter((body) => body.trim() !== '') ?? []
  if (bodies.length > 0) return bodies
  return [report.agency.name ?? report.agency.short ?? '佚名']
}

/** The source's own address when it is http(s) (never a `javascript:` link). */
function sourceUrl(report: Report): string | null {
  return report.source.url && /^https?:\/\//i.test(report.source.url) ? report.source.url : null
}

function sectionTitle(section: Section): string {
  return `${section.number ?? ''}${section.heading ?? ''}`.trim() || kindLabel(section.kind)
}

/** Escape the characters BibTeX treats specially; braces are dropped so the entry always balances. */
function escapeBibtex(text: string): string {
  return text.replace(/[{}\\]/g, '').replace(/([%&$#_^~])/g, '\\$1')
}

/** A URL inside `url = {…}` is verbatim for biblatex; only braces and `%` would break the entry. */
function escapeUrl(url: string): string {
  return url.replace(/[{}]/g, encodeURIComponent).replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(/\\/g, '%5C')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
