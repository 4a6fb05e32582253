import type { Section } from '../../types.ts'
import { readChineseNumber } from './chinese-number.ts'
import { toSimplified } from './to-simplified.ts'

/** The year reported on and where it was read. */
export interface FoundYear {
  year: number | null
  /** Which evidence gave it; `published` means the publication year minus one, a guess worth a warning. */
  from: 'override' | 'title' | 'preamble' | 'heading' | 'plans' | 'folder' | 'published' | null
  /** The year of the folder the file sits in (`reports/2022/…`), or null. */
  folderYear: number | null
}

const yearFolder = /(?:^|[\\/])((?:19|20)\d{2})[\\/][^\\/]+$/

/** The year a file's folder names: 2022 for `reports/2022/tianjin.txt`, null elsewhere. */
export function readFolderYear(file: string): number | null {
  const match = yearFolder.exec(file)
  return match?.[1] === undefined ? null : Number(match[1])
}

const yearMention = /(?<![\d—–\-~～至到])((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年(?![\d—–\-~～至到])/g
// Bounded: with `[^》]*`, every unclosed 《 scanned to the end of the text, quadratic on long openings.
const bracketed = /《[^》]{0,200}》|〈[^〉]{0,200}〉|（[^）]{0,200}）|\([^)]{0,200}\)|“[^”]{0,200}”/g

/**
 * Find the year reported on: override, title (2022年, 2022年度, 二〇二二年度), the preamble's first year, the plans
 * heading's year minus one, the year of the file's folder, else the publication year minus one. Never the publication
 * year itself.
 */
export function findYear(input: {
  override: number | undefined
  title: string | null
  sections: Section[]
  text: string
  published: string | null
  file?: string
}): FoundYear {
  const folderYear = input.file === undefined ? null : readFolderYear(input.file)
  const found = findYearIn(input, folderYear)
  return { ...found, folderYear }
}

function findYearIn(input: Parameters<typeof findYear>[0], folderYear: number | null): Omit<FoundYear, 'folderYear'> {
  if (input.override !== undefined) return { year: input.override, from: 'override' }
  const publishedYear = input.published === null ? null : Number(input.published.slice(0, 4))
  const plausible = (year: number | null): year is number =>
    year !== null && year >= 1990 && year <= 2100 && (publishedYear === null || year <= publishedYear)
  const fromTitle = input.title === null ? null : firstYear(input.title)
  if (plausible(fromTitle)) return { year: fromTitle, from: 'title' }
  const preamble = input.sections.find((section) => section.kind === 'preamble')
  const opening = preamble?.paragraphs.join('\n') ?? input.text.split('\n').find((line) => line.trim() !== '') ?? ''
  const fromPreamble = firstYear(opening.replace(bracketed, ''))
  if (plausible(fromPreamble)) return { year: fromPreamble, from: 'preamble' }
  // 一、2020年法治建设工作情况: the first part on the year's work names it.
  const first = input.sections.find((section) => (section.kind === 'achievements' || section.kind === 'leadership') && section.heading !== null)
  const fromHeading = first?.heading ? firstYear(first.heading) : null
  if (plausible(fromHeading)) return { year: fromHeading, from: 'heading' }
  const plans = flatten(input.sections).find((section) => section.kind === 'plans' && section.heading !== null)
  const planned = plans?.heading ? firstYear(plans.heading) : null
  if (planned !== null && plausible(planned - 1)) return { year: planned - 1, from: 'plans' }
  if (folderYear !== null) return { year: folderYear, from: 'folder' }
  if (publishedYear !== null) return { year: publishedYear - 1, from: 'published' }
  return { year: null, from: null }
}

function firstYear(text: string): number | null {
  yearMention.lastIndex = 0
  const match = yearMention.exec(toSimplified(text))
  return match?.[1] ? readChineseNumber(match[1]) : null
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)])
}
