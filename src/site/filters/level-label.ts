import type { Level } from '../../types.ts'
import { levelLabels } from '../../vocabulary.ts'

/**
 * Chinese name of an administrative level; missing or unknown input gives 级别未知.
 * @example levelLabel('county') // '县级'
 */
export function levelLabel(level?: string | null): string {
  return level && Object.hasOwn(levelLabels, level) ? levelLabels[level as Level] : '级别未知'
}
