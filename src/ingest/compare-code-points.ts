/**
 * Order two strings by Unicode code point (not UTF-16 code unit, which misplaces characters beyond U+FFFF).
 *
 * @example
 *   ['b', 'a'].sort(compareCodePoints) // → ['a', 'b']
 */
export function compareCodePoints(left: string, right: string): number {
  const a = left[Symbol.iterator]()
  const b = right[Symbol.iterator]()
  for (;;) {
    const x = a.next()
    const y = b.next()
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0)
    if (difference !== 0) return difference
  }
}
