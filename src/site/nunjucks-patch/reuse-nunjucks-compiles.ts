import { createRequire } from 'node:module'

/** The part of Nunjucks 3 (CommonJS, no type declarations) this patch touches. */
interface NunjucksLike {
  compiler: { compile(source: string, asyncFilters: unknown, extensions: unknown, name: string | undefined, options: unknown): string }
  Template: { prototype: TemplateLike }
}
interface TemplateLike {
  env: { asyncFilters: unknown; extensionsList: unknown; opts: unknown }
  path: string | undefined
  tmplStr: unknown
  /** Set for precompiled templates: the compiled root and blocks, used instead of compiling `tmplStr`. */
  tmplProps?: unknown
  _compile(): void
}

const patched = Symbol.for('fazhi.reuseNunjucksCompiles')

/**
 * Compile each Nunjucks template source once per environment. Eleventy 3.1 no longer caches Nunjucks compiles
 * and builds a new `Template` for every paginated page, so `report.njk` was compiled 2,000 times for 2,000
 * reports (~6 s of a 12 s render). The compiled code depends only on the source, its path and the environment, so
 * reusing it (as precompiled templates do, through `tmplProps`) renders the same bytes. Safe to call repeatedly.
 * @example reuseNunjucksCompiles() // in the Eleventy config function
 */
export function reuseNunjucksCompiles(): void {
  // Eleventy imports Nunjucks as CommonJS; require gives the same module object it uses.
  const nunjucks = createRequire(import.meta.url)('nunjucks') as NunjucksLike
  const prototype = nunjucks.Template.prototype as TemplateLike & { [patched]?: true }
  if (prototype[patched]) return
  const compileOnce = prototype._compile
  const compiled = new WeakMap<object, Map<string, unknown>>()
  prototype._compile = function (this: TemplateLike) {
    if (this.tmplProps === undefined && typeof this.tmplStr === 'string') {
      const byEnvironment = compiled.get(this.env) ?? new Map<string, unknown>()
      compiled.set(this.env, byEnvironment)
      const key = `${this.path ?? ''}\u0000${this.tmplStr}`
      let props = byEnvironment.get(key)
      if (props === undefined) {
        const source = nunjucks.compiler.compile(this.tmplStr, this.env.asyncFilters, this.env.extensionsList, this.path, this.env.opts)
        // The same evaluation Nunjucks does itself for a template it compiles.
        props = (new Function(source) as () => unknown)()
        byEnvironment.set(key, props)
      }
      this.tmplProps = props
    }
    compileOnce.call(this)
  }
  prototype[patched] = true
}
