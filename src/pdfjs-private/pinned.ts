/**
 * What this folder relies on beyond pdf.js's public API: that its legacy build (the one Node 20 can run: the modern
 * build needs `Promise.withResolvers`) bundles core-js, which on import replaces `Array.prototype.push`, `JSON.parse`
 * and `Function.prototype.toString` for the whole process with slower JavaScript versions. `load-pdfjs.ts` puts the
 * engine's own back. Upgrading pdf.js is a deliberate act: run test/pdfjs-private/load-pdfjs.test.ts (it lists what
 * the import replaces), then change the version here and in package.json.
 */
export const pinned = [{ name: 'pdfjs-dist', version: '5.4.624' }] as const
