/**
 * What this folder relies on beyond the packages' public API: Nunjucks' `Template.prototype._compile`,
 * `tmplProps` and `compiler.compile`, reached through Eleventy 3.1's Nunjucks engine, and `lib.escape`, the escape
 * its autoescape calls (escape-html.ts), and `runtime.memberLookup`, which compiled templates call for `a.b`
 * (read-members-once.ts). Upgrading either is a
 * deliberate act: check the patch still applies (test/site/nunjucks-patch.test.ts) and the built site stays
 * byte-identical, then change the versions here and in package.json.
 */
export const pinned = [
  { name: '@11ty/eleventy', version: '3.1.7' },
  { name: 'nunjucks', version: '3.3.0' },
] as const
