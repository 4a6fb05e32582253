/** The typed arrays `growTyped` grows. */
export type GrowableTyped = Int32Array | Uint8Array | Uint32Array | Float64Array

/**
 * `values` when it has room for `length` values; otherwise a copy at least twice as long (and `length` long), new
 * places holding `fill`. Doubling keeps appending one value at a time linear.
 * @example offsets = growTyped(offsets, paragraph + 1, -1)
 */
export function growTyped<T extends GrowableTyped>(values: T, length: number, fill = 0): T {
  if (length <= values.length) return values
  const Typed = values.constructor as new (length: number) => T
  const grown = new Typed(Math.max(2 * values.length, length))
  grown.set(values)
  if (fill !== 0) grown.fill(fill, values.length)
  return grown
}
