/**
 * What this folder relies on beyond tsx's public API: the path of its ESM API inside the package
 * (`dist/esm/api/index.mjs`), which worker threads import to register tsx themselves. Upgrading tsx is a deliberate
 * act: check the parse and index workers start (test/build/parse-workers.test.ts), then change the version here and
 * in package.json.
 */
export const pinned = [{ name: 'tsx', version: '4.23.15' }] as const
