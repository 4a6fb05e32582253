import type { RawReport } from '../types.ts'
import { splitLines } from './split-lines.ts'
import { stripPageFurniture, type StrippedLines } from './strip-page-furniture.ts'

/** Split a decoded report into lines and strip page furniture, metadata lines and the title: the report body and what was read. */
export function prepareBody(raw: Pick<RawReport, 'text'>): StrippedLines {
  return stripPageFurniture(splitLines(raw.text))
}
