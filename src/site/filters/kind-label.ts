import type { SectionKind } from '../../types.ts'
import { kindLabel as labelOf } from '../../vocabulary.ts'

/**
 * Chinese label of a section kind for templates; missing input gives an empty string.
 * @example kindLabel('shortcomings') // '存在的不足和原因'
 */
export function kindLabel(kind?: string | null): string {
  return kind ? labelOf(kind as SectionKind) : ''
}
