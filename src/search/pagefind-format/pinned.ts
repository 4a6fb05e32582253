/**
 * What this folder relies on beyond Pagefind's public API: its data files' format (gzip of `pagefind_dcd` and
 * CBOR), the hashes in their names and how the entry and meta files refer to them. Upgrading Pagefind is a
 * deliberate act: check test/search/index-site.test.ts (same bytes every run) and the search page, then change the
 * version here and in package.json.
 */
export const pinned = [{ name: 'pagefind', version: '1.5.2' }] as const
