/** The open-data stage: page data → JSON, RIS, CSV, Atom and the sitemap beside the pages. */
export { reportDataFiles, writeOpenData, type OpenDataOptions } from './write-open-data.ts'
export type { FileParts } from './write-in-parts.ts'
