/** The parse stage: `RawReport` → `Report` (sections classified by kind, metadata inferred), with its messages. */
export { parseReport } from './parse-report.ts'
export { bodyText } from './lines/prepare-body.ts'
export { reportText } from './report-text.ts'
