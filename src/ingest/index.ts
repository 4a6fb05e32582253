/** The ingest stage: report files → `RawReport` (decoded text, format, encoding, checksum, metadata overrides). */
export { readReport, type ReadReportOptions } from './read-report.ts'
export { listReportFolder, type ReportFolder } from './list-report-files.ts'
export { sidecarEndings, sidecarPathsOf } from './sidecar-paths.ts'
export { detectBinary } from './detect-binary.ts'
export { decodeFetchedBytes } from './decode-fetched-bytes.ts'
