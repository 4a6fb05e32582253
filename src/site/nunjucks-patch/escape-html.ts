import { createRequire } from 'node:module'

/** The part of Nunjucks 3 (CommonJS, no type declarations) this module uses: the escape its autoescape calls. */
interface NunjucksLib {
  lib: { escape(text: string): string }
}

// The same module object Eleventy's Nunjucks engine loads (see reuse-nunjucks-compiles.ts).
const nunjucks = createRequire(import.meta.url)('nunjucks') as NunjucksLib

/**
 * Text for HTML, escaped by the very function Nunjucks' autoescape uses (`lib.escape`), so what a page writes as a
 * pre-escaped string (the side-by-side marks, the year-to-year diffs) has the bytes the templates would give it.
 * @example escapeHtml('<甲&乙>') // '&lt;甲&amp;乙&gt;'
 */
export function escapeHtml(text: string): string {
  return nunjucks.lib.escape(text)
}
