/**
 * What this folder relies on beyond Pagefind's public API: its data files' format (gzip of `pagefind_dcd` and CBOR:
 * the meta file, word and filter chunks, fragments, entry), the hashes in their names, and which of its files are the
 * search code. Upgrading Pagefind is a deliberate act: test/search/write-index-data.test.ts compares our word chunks
 * with Pagefind's own and fails when the format changed; then check the search page and change the version here and
 * in package.json.
 */
export const pinned = [{ name: 'pagefind', version: '1.5.2' }] as const
