/** The search stage: built HTML → Pagefind bundles, and offline querying of them. */
export { indexSite, shardManifest, type IndexOptions, type IndexShard, type IndexSummary } from './index-site.ts'
export { lookupPage, type LookupPage, type PageAnchor } from './lookup-page.ts'
export { findReportPages, type ReportPage } from './find-report-pages.ts'
export { openSiteIndex, type SiteIndex } from './open-site-index.ts'
export { searchSite, type SiteSearch } from './search-site.ts'
export { resolveFilters } from './resolve-filters.ts'
export { readSearchArgs, searchUsage, type SearchArgs } from './read-search-args.ts'
export { formatHits, toJsonHits, type JsonHit } from './format-hits.ts'
