/**
 * Return a site-relative URL unchanged: Eleventy's HTML base plugin already adds the path prefix to every URL
 * in the HTML output, so the built-in `url` filter would add it twice. Templates may still write `| url`.
 */
export function url(path?: string | null): string {
  return path ?? ''
}
