/**
 * pdf.js's legacy build, with the built-ins its core-js replaced put back (pinned.ts). Every `push` of the build ran
 * through core-js's JavaScript version once any module had imported pdf.js, in every thread that parses or indexes,
 * and `JSON.parse` (the parse cache) likewise. pdf.js keeps what core-js added (`Promise.withResolvers`, new `Set`
 * methods): those it needs on Node 20.
 */
const replaced = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
] as const

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | null = null

/**
 * pdf.js, loaded when first asked for: a thread that never reads a PDF (the reuse and index workers, and a build
 * whose parses all come from the cache) does not hold its code and, under tsx, its source map (~50 MB of each
 * thread's heap).
 */
export function loadPdfjs(): Promise<PdfJs> {
  loading ??= importPdfjs()
  return loading
}

async function importPdfjs(): Promise<PdfJs> {
  const engine = replaced.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key))
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  replaced.forEach(([owner, key], index) => {
    const descriptor = engine[index]
    if (descriptor) Object.defineProperty(owner, key, descriptor)
  })
  return pdfjs
}
