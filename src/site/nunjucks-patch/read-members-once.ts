import { createRequire } from 'node:module'

/** The part of Nunjucks 3's runtime this patch replaces: the lookup compiled templates call for `a.b` and `a[b]`. */
interface RuntimeLike {
  memberLookup(obj: unknown, name: unknown): unknown
}

const patched = Symbol.for('fazhi.readMembersOnce')

/**
 * Make `a.b` in a template read `a.b` once. Nunjucks 3.3's `memberLookup` reads the property twice (once to see
 * whether it is a function, once to return it), so a getter ran twice for each use: every report page rendered its
 * sections twice and each side-by-side page composed its entries twice. The page data's getters compose on read
 * and are not kept (compose-report-view.ts, compose-analysis.ts), so this halves that work and changes no byte.
 * Functions are still returned bound to their object, as Nunjucks does. Safe to call repeatedly.
 * @example readMembersOnce() // in the Eleventy config function
 */
export function readMembersOnce(): void {
  // Compiled templates call `runtime.memberLookup` on this module object at render time: replacing it here suffices.
  const runtime = createRequire(import.meta.url)('nunjucks/src/runtime') as RuntimeLike & { [patched]?: true }
  if (runtime[patched]) return
  runtime.memberLookup = function memberLookup(obj: unknown, name: unknown): unknown {
    if (obj === undefined || obj === null) return undefined
    const value: unknown = (obj as Record<PropertyKey, unknown>)[name as PropertyKey]
    if (typeof value === 'function') return (...args: unknown[]) => (value as (...args: unknown[]) => unknown).apply(obj, args)
    return value
  }
  runtime[patched] = true
}
