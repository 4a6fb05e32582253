import { sectionKinds } from '../../vocabulary.ts'

/**
 * Chinese label of a section kind for templates; missing input gives an empty string.
 * @example kindLabel('shortcomings') // '存在的不足和原因'
 */
export function kindLabel(kind?: string | null): string {
  if (!kind) return ''
  return sectionKinds.find((entry) => entry.kind === kind)?.label ?? kind
}
