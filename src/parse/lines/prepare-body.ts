import type { RawReport } from '../../types.ts'
import { joinWrappedLines } from './join-wrapped-lines.ts'
import { splitLines } from './split-lines.ts'
import { stripPageFurniture, type StrippedLines } from './strip-page-furniture.ts'

/**
 * Split a decoded report into lines, strip page furniture, metadata lines and the title, and re-join lines a PDF copy
 * hard-wrapped mid-sentence: the report body and what was read.
 */
export function prepareBody(raw: Pick<RawReport, 'text'>): StrippedLines {
  const stripped = stripPageFurniture(splitLines(raw.text))
  return { ...stripped, body: joinWrappedLines(stripped.body) }
}

/** The report body `parseReport` distributes over sections: body lines after furniture, metadata and title removal, joined by `\n`. */
export function bodyText(raw: Pick<RawReport, 'text'>): string {
  return prepareBody(raw).body.map((line) => line.text).join('\n')
}
