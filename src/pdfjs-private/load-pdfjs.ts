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

const engine = replaced.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key))
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
replaced.forEach(([owner, key], index) => {
  const descriptor = engine[index]
  if (descriptor) Object.defineProperty(owner, key, descriptor)
})

export const getDocument = pdfjs.getDocument
