/** The build stage: options → load (list, cache, workers: ingest → parse) → site → open data → search, and the summary. */
export { buildSite, type BuildSummary } from './build-site.ts'
export { collectGarbage } from './collect-garbage.ts'
export { relaunchWithHeap } from './heap-limit.ts'
export { buildUsage, readBuildArgs, type BuildArgs, type BuildOptions } from './build-options.ts'
export { loadReports, type LoadedReports } from './load-reports.ts'
export { printBuildFailure, printBuildSummary } from './print-build-summary.ts'
export { createProgress, type ProgressStream } from './progress.ts'
