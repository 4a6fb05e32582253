import type { Section } from '../../types.ts'
import { hasDateShape, isDateLine, parseDate } from './parse-date.ts'

/** The publication date found and the dates that looked like one but are not real. */
export interface FoundPublished {
  published: string | null
  /** Which evidence gave it. */
  from: 'override' | 'field' | 'signature' | 'hint' | null
  /** Values shaped like dates that are not calendar dates (2023-02-30), by where they were found. */
  invalid: string[]
}

/** Field labels holding the publication date, most specific first. */
export const dateFieldLabels = ['发布时间', '发布日期', '发文日期', '成文日期', '印发日期', '时间', '日期', '更新时间']

/**
 * Find the publication date `YYYY-MM-DD`: override, a date field (发布时间 …), the closing signature date, the
 * page's meta date. Null when the source states none; never guessed.
 */
export function findPublished(input: {
  override: string | undefined
  fields: Record<string, string>
  sections: Section[]
  text: string
  hint: string | undefined
}): FoundPublished {
  const invalid: string[] = []
  const read = (label: string, value: string | undefined): string | null => {
    if (value === undefined) return null
    const date = parseDate(value)
    if (date === null && hasDateShape(value)) invalid.push(`${label} “${value.trim()}”`)
    return date
  }
  const override = read('override', input.override)
  if (override) return { published: override, from: 'override', invalid }
  const labels = [...dateFieldLabels, ...Object.keys(input.fields).filter((key) => /(?:日期|时间)$/.test(key))]
  for (const label of labels) {
    const date = read(label, input.fields[label])
    if (date) return { published: date, from: 'field', invalid }
  }
  for (const line of signatureDateLines(input.sections, input.text)) {
    const date = read('落款日期', line)
    if (date) return { published: date, from: 'signature', invalid }
  }
  const hint = read('page meta date', input.hint)
  return hint ? { published: hint, from: 'hint', invalid } : { published: null, from: null, invalid }
}

// Date lines of the closing, last first; else a date line among the last lines of the text (closing not recognised).
function signatureDateLines(sections: Section[], text: string): string[] {
  const closing = flatten(sections)
    .filter((section) => section.kind === 'closing')
    .flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.split('\n')))
    .map((line) => line.trim())
  const tail = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(-3)
  const endsWithDate = /(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$/
  const fromClosing = closing.filter((line) => isDateLine(line) || endsWithDate.test(line)).reverse()
  return fromClosing.length > 0 ? fromClosing : tail.filter((line) => isDateLine(line)).reverse()
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)])
}
