/** The ingest stage: report files → `RawReport` (decoded text, format, encoding, checksum, metadata overrides). */
export { readReport, type ReadReportOptions } from './read-report.ts'
export { listReportFiles, listReportFolder, type ReportFolder } from './list-report-files.ts'
export { sidecarPathsOf } from './sidecar-paths.ts'
export { validateOverrides } from './validate-overrides.ts'
