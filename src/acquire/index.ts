/** The acquire stage: URLs → originals kept unchanged in `reports/` with a `NAME.meta.yml` recording where they came from. */
export type { AddOutcome } from './add-url.ts'
export { addUrls, readUrlList, type AddOptions } from './add-urls.ts'
export { addUsage, readAddArgs, type AddArgs } from './read-add-args.ts'
