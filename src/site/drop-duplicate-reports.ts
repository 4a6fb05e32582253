import { createHash } from 'node:crypto'
import { createMessage } from '../messages.ts'
import type { Message, Report, Section } from '../types.ts'

/**
 * Publish the same report once: reports whose body text is identical (a GBK and a UTF-8 copy, a .txt and a saved page)
 * are duplicates. The copy already published (`published(file)`, from the permalink registry) is kept, else the first
 * by source path, so a copy added later never takes over a URL; each other copy is dropped with a `duplicate-report`
 * warning naming both files.
 */
export function dropDuplicateReports(
  reports: readonly Report[],
  published: (file: string) => boolean = () => false,
): { reports: Report[]; messages: Message[] } {
  const rank = (report: Report): number => (published(report.source.file) ? 0 : 1)
  const sorted = [...reports].sort((a, b) => rank(a) - rank(b) || (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0))
  // Bodies are hashed only where two reports share `streamKey`'s figures: hashing every body was ~0.5 s of a
  // 10,000-report rebuild.
  const byFigures = new Map<string, Report[]>()
  for (const report of sorted) {
    const key = streamKey(report.sections)
    const group = byFigures.get(key)
    if (group) group.push(report)
    else byFigures.set(key, [report])
  }
  const dropped = new Map<Report, Report>()
  for (const group of byFigures.values()) {
    if (group.length < 2) continue
    const firstByBody = new Map<string, Report>()
    for (const report of group) {
      const key = bodyKey(report.sections)
      const first = firstByBody.get(key)
      if (first === undefined) firstByBody.set(key, report)
      else dropped.set(report, first)
    }
  }
  const kept: Report[] = []
  const messages: Message[] = []
  for (const report of sorted) {
    const first = dropped.get(report)
    if (first === undefined) {
      kept.push(report)
      continue
    }
    messages.push(
      createMessage('duplicate-report', { file: report.source.file, severity: 'warning' }, {
        kept: first.source.file,
        encodings: `${report.source.encoding} / ${first.source.encoding}`,
      }),
    )
  }
  return { reports: kept, messages }
}

/**
 * Two figures of the text `bodyKey` hashes, counted without making it: its length and the sum of its character codes
 * (mod 2³²). Equal bodies have equal figures, so only reports that share them need their bodies hashed.
 */
function streamKey(sections: readonly Section[]): string {
  let length = 0
  let sum = 0
  const add = (text: string): void => {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (isSpace(code)) continue
      length++
      sum = (sum + code) >>> 0
    }
  }
  const visit = (section: Section): void => {
    add(section.number ?? '')
    add(section.heading ?? '')
    // The separators: one after the heading, one between paragraphs (code 0: they add to the length only).
    length += 1 + Math.max(0, section.paragraphs.length - 1)
    for (const paragraph of section.paragraphs) add(paragraph)
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return `${length}:${sum}`
}

/** Whether `\s` matches this UTF-16 code unit: ECMAScript's white space and line terminators. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** A digest of the body text (headings and paragraphs, white space removed), blind to encoding and format. */
function bodyKey(sections: readonly Section[]): string {
  const hash = createHash('sha256')
  const visit = (section: Section): void => {
    hash.update(`${section.number ?? ''}${section.heading ?? ''}\u0000${section.paragraphs.join('\u0000')}`.replace(/\s+/g, ''))
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return hash.digest('hex')
}
