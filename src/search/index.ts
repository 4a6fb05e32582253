/** The search stage: built HTML → Pagefind bundles, and the query logic the search page and CLI share. */
export { indexSite, shardManifest, type IndexOptions, type IndexShard, type IndexSummary } from './index-site.ts'
export { findReportPages, type ReportPage } from './find-report-pages.ts'
