import type { RawReport } from '../../types.ts'
import { prepareBody } from './prepare-body.ts'

/** The report body `parseReport` distributes over sections: body lines after furniture, metadata and title removal, joined by `\n`. */
export function bodyText(raw: Pick<RawReport, 'text'>): string {
  return prepareBody(raw).body.map((line) => line.text).join('\n')
}
