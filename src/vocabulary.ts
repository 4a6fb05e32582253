import type { SectionKind } from './types.ts'

/**
 * The one table of section kinds: the English term used in code, ids and data, and the Chinese the UI shows.
 * Order is the statutory order of a report (法治政府建设与责任落实督察工作规定, art. 25).
 */
export const sectionKinds: readonly { kind: SectionKind; label: string; short: string; statutory: string | null }[] = [
  { kind: 'preamble', label: '导语', short: '导语', statutory: null },
  { kind: 'achievements', label: '主要举措和成效', short: '成效', statutory: '推进法治政府建设的主要举措和成效' },
  { kind: 'leadership', label: '第一责任人职责', short: '职责', statutory: '党政主要负责人履行推进法治建设第一责任人职责' },
  { kind: 'shortcomings', label: '存在的不足和原因', short: '不足', statutory: '存在的不足和原因' },
  { kind: 'plans', label: '下一年度主要安排', short: '安排', statutory: '下一年度推进法治政府建设的主要安排' },
  { kind: 'other', label: '其他', short: '其他', statutory: null },
  { kind: 'closing', label: '落款', short: '落款', statutory: null },
]

/** The four parts every report must contain by law. */
export const statutoryKinds: readonly SectionKind[] = ['achievements', 'leadership', 'shortcomings', 'plans']

/** Two-character label for narrow table columns, e.g. `shortcomings` → 不足. */
export function kindShortLabel(kind: SectionKind): string {
  return sectionKinds.find((entry) => entry.kind === kind)?.short ?? kind
}

/** Chinese label for a section kind, e.g. `shortcomings` → 存在的不足和原因. */
export function kindLabel(kind: SectionKind): string {
  return sectionKinds.find((entry) => entry.kind === kind)?.label ?? kind
}
