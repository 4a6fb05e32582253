/** The site stage: reports → permalinks → page data → Eleventy pages (templates/), with citations and the quality page. */
export { assignPermalinks } from './assign-permalinks.ts'
export { composeSiteData } from './compose-site-data.ts'
export { dropDuplicateReports } from './drop-duplicate-reports.ts'
export { readPermalinkRegistry, registryFile, writePermalinkRegistry } from './permalink-registry.ts'
export { renderSite } from './render-site.ts'
export type { SiteData } from './view-types.ts'
