/** Getters that read an object's state, by property name. */
export type LazyGetters = Record<string, (state: never) => unknown>

/** The state the getters read. */
export type LazyState<G extends LazyGetters> = Parameters<G[keyof G]>[0]

/** An object given the lazy properties of `G`. */
export type WithLazy<T, G extends LazyGetters> = T & { readonly [K in keyof G]: ReturnType<G[K]> }

/**
 * Properties computed each time they are read, on many objects of one shape (a view per report, a listing per
 * report), made so that V8 keeps those objects small: each getter is one function shared by every object, reading the
 * object's own state (held under a symbol, not enumerable). An object literal with a getter, or a getter made per
 * object, puts the object in V8's dictionary mode (a hash table of its properties: ~1.9 KB for a report's view
 * against ~0.3 KB): at 100,000 reports the views, listings and analyses the render holds were ~0.4 GB of the build
 * thread's heap so. The properties stay own (enumerable unless `enumerable: false`, or named in `hidden`):
 * `JSON.stringify`, spreads and digests read them as before. They come after the object's other properties, in the getters' order.
 * Returns a function that gives an object (its other properties already set) the properties and its state.
 * @example const withToc = lazyProperties({ toc: (report: Report) => tocOf(report) }); withToc({ id }, report).toc
 */
export function lazyProperties<G extends LazyGetters>(
  getters: G,
  { enumerable = true, hidden = [] }: { enumerable?: boolean; hidden?: readonly (keyof G & string)[] } = {},
): <T extends object>(target: T, state: LazyState<G>) => WithLazy<T, G> {
  const stateKey = Symbol('lazy state')
  const descriptors: PropertyDescriptorMap = {}
  for (const [name, read] of Object.entries(getters)) {
    descriptors[name] = {
      enumerable: enumerable && !hidden.includes(name),
      configurable: true,
      get(this: Record<symbol, never>) {
        return read(this[stateKey] as never)
      },
    }
  }
  return (target, state) => {
    // Defined in one order, by the same functions, so every object takes the same hidden classes. The state comes
    // first: its key is this call's own, so the objects' hidden classes branch from those of other lazy objects of
    // the same shape before any getter. V8 shares a transition to an accessor only for the same getter, and turns
    // an object to dictionary mode when another getter of that name was added to the same hidden class before (a
    // lazy listing's `reuse` and a lazy analysis's, both on `{}`: every report's analysis was one).
    Object.defineProperty(target, stateKey, { value: state, writable: true })
    Object.defineProperties(target, descriptors)
    return target as WithLazy<typeof target, G>
  }
}
