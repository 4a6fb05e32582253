/** The site stage: reports → permalinks → page data → Eleventy pages (templates/), with citations and the quality page. */
export { assignPermalinks } from './assign-permalinks.ts'
export { composeSiteData } from './compose-site-data.ts'
export { dropDuplicateReports } from './drop-duplicate-reports.ts'
export { readPermalinkRegistry, registryFile, writePermalinkRegistry } from './permalink-registry.ts'
export { allPages, renderSite } from './render-site.ts'
export { digestPages, selectPages, type PageDigest, type PageSelection } from './select-pages.ts'
export type { SiteData } from './view-types.ts'
