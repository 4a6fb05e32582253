// Run as its own process (test/pdfjs-private/load-pdfjs.test.ts): which built-ins an import replaces or adds.
// argv[2]: 'raw' imports pdf.js itself, 'fenced' loads it through our loader, 'unused' only imports the loader.
const owners = { 'Array.prototype': Array.prototype, JSON, 'Function.prototype': Function.prototype, Promise, 'Set.prototype': Set.prototype, Math, Object, 'String.prototype': String.prototype, 'Object.prototype': Object.prototype, Array }
const snapshot = (): Map<string, unknown> =>
  new Map(Object.entries(owners).flatMap(([name, owner]) => Reflect.ownKeys(owner).map((key) => [`${name}.${String(key)}`, Object.getOwnPropertyDescriptor(owner, key)?.value] as const)))
const before = snapshot()
if (process.argv[2] === 'raw') await import('pdfjs-dist/legacy/build/pdf.mjs')
else {
  const { loadPdfjs } = await import('../../src/pdfjs-private/load-pdfjs.ts')
  if (process.argv[2] === 'fenced') await loadPdfjs()
}
const after = snapshot()
const replaced = [...before].filter(([key, value]) => after.has(key) && after.get(key) !== value).map(([key]) => key)
const added = [...after.keys()].filter((key) => !before.has(key))
process.stdout.write(JSON.stringify({ replaced, added }))
