/**
 * The shapes every stage shares: ingest → parse → site → search.
 * Nothing else declares a report; `src/report.schema.json` (a copy of the shared contract) is the published JSON shape.
 */

/** The statutory part a section belongs to (see `src/vocabulary.ts` for the Chinese terms). */
export type SectionKind =
  | 'preamble'
  | 'achievements'
  | 'leadership'
  | 'shortcomings'
  | 'plans'
  | 'other'
  | 'closing'

/** Administrative level of the reporting body: `central` for 国务院 departments (中央部门), `department` for local ones. */
export type Level = 'province' | 'city' | 'county' | 'township' | 'department' | 'central'

/** How the source file was written. */
export type SourceFormat = 'txt' | 'html' | 'md' | 'pdf' | 'docx'

/** A 1-based line range in the decoded source text. */
export interface LineRange {
  /** First line of the range. */
  start: number
  /** Last line of the range (inclusive). */
  end: number
}

/** One part of a report: a heading, the paragraphs under it, and its sub-parts. */
export interface Section {
  /** Fragment id on the report page, unique within the report, e.g. `shortcomings`, `achievements-3`. */
  anchor: string
  /** The statutory part this section belongs to. */
  kind: SectionKind
  /** The numbering as written (`一、`, `（一）`, `1、`), or null where the part is not numbered. */
  number: string | null
  /** The heading without its number, or null for unheaded parts such as the preamble. */
  heading: string | null
  /** Body paragraphs before the first child. */
  paragraphs: string[]
  /** Fragment ids of the paragraphs, present only where one differs from `<anchor>-p<n>` (kept from an earlier build). */
  paragraphAnchors?: string[]
  /** Anchors published earlier whose text is no longer in the report; they still land on this section. */
  formerAnchors?: string[]
  /** Sub-sections in document order. */
  children: Section[]
  /** Where the section sits in the decoded source (heading line to last body line). */
  position?: LineRange
}

/** The body that published the report. */
export interface Agency {
  /** Full official name, e.g. 天津市人民政府政务服务办公室; joint reports name both bodies, separated by a space. */
  name: string | null
  /** The form the report itself uses, e.g. 市政务服务办. */
  short: string | null
  /** Administrative path from province down, e.g. ["四川省", "巴中市"]. */
  region: string[]
  /** Administrative level, or null when unknown. */
  level: Level | null
  /** Each body of a joint Party–government report, in the order written (absent for a single body). */
  bodies?: string[]
}

/** Where the report came from. */
export interface Source {
  /** Path of the source file, relative to the reports folder (or as given on the command line). */
  file: string
  /** Format the file was read as. */
  format: SourceFormat
  /** Encoding it was decoded from, e.g. `utf-8`, `gb18030`, `utf-16le`. */
  encoding: string
  /** SHA-256 of the raw bytes, hex. */
  sha256: string
  /** Address of the original page, when known. */
  url: string | null
  /** The site or body named as 来源, e.g. 青岛政务网. */
  publisher: string | null
  /** How `npm run add` fetched the file (from its sidecar), when it did. */
  fetched?: FetchRecord
  /** Earlier versions of the original, oldest first, when it changed after publication (set by the site). */
  versions?: SourceVersion[]
  /** Line of the decoded text each page starts on, for a PDF: `pageStarts[0]` is page 1's first line. */
  pageStarts?: number[]
}

/** What `npm run add` recorded when it fetched an original: the sidecar's provenance fields. */
export interface FetchRecord {
  /** The address after redirects. */
  finalUrl?: string
  /** The page that linked to this file as an attachment (`附件：….pdf`), when the report was one. */
  pageUrl?: string
  /** When the bytes were fetched, ISO 8601 in UTC. */
  retrieved?: string
  /** Content-Type as the server sent it. */
  contentType?: string
  /** SHA-256 of the bytes as fetched, hex. */
  sha256?: string
  /** ETag as sent. */
  etag?: string
  /** Last-Modified as sent. */
  lastModified?: string
  /** File name (same folder) of the version this one replaces, when the original changed after it was first kept. */
  previous?: string
}

/** An earlier version of a report's original, kept beside the latest. */
export interface SourceVersion {
  /** Path of that version's file, relative to the reports folder. */
  file: string
  /** SHA-256 of its bytes. */
  sha256: string
  /** When it was fetched, when known. */
  retrieved: string | null
  /** Its body text, one paragraph a line (headings included), for the diff page. */
  text: string
}

/** A parsed annual rule-of-law report: what `npm run parse` prints and the site publishes. */
export interface Report {
  /** Stable URL-safe id including year and agency, e.g. `2022-tianjin-zwfwb`. */
  id: string
  /** Title as written, or composed from agency and year. */
  title: string
  /** True when the title was composed rather than read from the source. */
  titleInferred: boolean
  /** The reporting body. */
  agency: Agency
  /** The year reported on (not the publication year). */
  year: number | null
  /** Publication or signature date `YYYY-MM-DD`, or null when the source states none. */
  published: string | null
  /** Where the report came from. */
  source: Source
  /** Top-level parts in document order, preamble and closing included. */
  sections: Section[]
  /** What the parser was unsure of, in words a maintainer can act on, each ending in its rule id: `… [unknown-agency]`; derived once from the parse's messages (`reportWarnings`, src/messages.ts). */
  warnings: string[]
  /** Ids this report was published under before (set by the site from `reports/permalinks.json`); each still redirects here. */
  formerIds?: string[]
}

/** Metadata a sidecar `NAME.meta.yml` or Markdown front matter may set; it wins over what the parser infers. */
export interface MetaOverrides {
  id?: string
  title?: string
  year?: number
  published?: string
  url?: string
  publisher?: string
  agency?: string
  short?: string
  region?: string[]
  level?: Level
  /** Provenance written by `npm run add`; never changes what the parser infers. */
  fetched?: FetchRecord
}

/** A decoded source file, ready for parsing. */
export interface RawReport {
  /** Path as given (relative to the reports folder when read from there). */
  file: string
  /** Format detected from the extension and content. */
  format: SourceFormat
  /** Encoding the bytes were decoded from. */
  encoding: string
  /** SHA-256 of the raw bytes, hex. */
  sha256: string
  /** Decoded text: for HTML the article's text with one block per line, for Markdown the body without front matter. */
  text: string
  /** Values from the sidecar or front matter, already validated. */
  overrides: MetaOverrides
  /** Hints the container gave (HTML `<title>`, `<meta>` dates, canonical URL); the parser weighs them. */
  hints?: { title?: string; published?: string; url?: string }
  /** For a PDF: the line of `text` each page starts on (page 1 first). */
  pageStarts?: number[]
}

/** A problem found in one file, as a value: what was found, where, what was expected. */
export interface Message {
  /** The file the message is about. */
  file: string
  /** 1-based line in the decoded source, when known. */
  line: number | null
  /** What was found and what was expected, in words. */
  reason: string
  /** Short stable rule name, e.g. `missing-shortcomings`, `undecodable`. */
  ruleId: string
  /** `error`: the file, or a value in it, could not be used; `warning`: used, but a maintainer should look. */
  severity: 'error' | 'warning'
}

/** What a stage returns: its value (null when the input was unusable, with an error saying why) and what it noticed. */
export interface Result<T> {
  value: T | null
  messages: Message[]
}
