import type { Level } from '../../types.ts'

const labels: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  department: '部门',
  central: '中央部门',
}

/**
 * Chinese name of an administrative level; missing or unknown input gives 级别未知.
 * @example levelLabel('county') // '县级'
 */
export function levelLabel(level?: string | null): string {
  return level && level in labels ? labels[level as Level] : '级别未知'
}
