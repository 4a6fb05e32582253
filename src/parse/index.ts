/** The parse stage: `RawReport` → `Report` (sections classified by kind, metadata inferred), with its messages. */
export { parseReport } from './parse-report.ts'
export { reportText } from './report-text.ts'
