import type { Level, SectionKind } from './types.ts'

/**
 * The words of the archive, once: section kinds and administrative levels, each with its English id (used in code,
 * ids, data and URLs), its Chinese label (what pages, the search page, the CLI and messages show) and the other
 * Chinese words a maintainer or a searcher may type for it. Parse, site, search, the CLIs and sidecar validation read
 * them here. The browser's copies (`templates/assets/levels.js`, `kindLabels` in `templates/assets/search.core.js`)
 * are served as they are, without a build step; `test/vocabulary.test.ts` fails while they differ from this file.
 */

/**
 * Section kinds in the statutory order of a report (法治政府建设与责任落实督察工作规定, art. 25): label, two-character
 * short label for narrow table columns, and the statute's own wording of the part.
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

/**
 * Administrative levels in menu order (the search page's level menu, the CLI's lists): label, and the other words
 * that mean the same level in a sidecar (`level: 乡镇`) or on the command line (`--level 乡镇`). A new level is one
 * line here, one in `Level` (src/types.ts) and one in `templates/assets/levels.js`.
 */
export const levels: readonly { level: Level; label: string; aliases: readonly string[] }[] = [
  { level: 'province', label: '省级', aliases: ['省'] },
  { level: 'city', label: '市级', aliases: ['市', '地级市'] },
  { level: 'county', label: '县级', aliases: ['县', '区', '区县', '县区'] },
  { level: 'township', label: '乡镇级', aliases: ['乡镇', '乡', '镇', '乡级', '街道'] },
  { level: 'department', label: '部门', aliases: [] },
  { level: 'central', label: '中央部门', aliases: ['中央', '国务院部门'] },
]

/** Levels from the top of the hierarchy down, local departments last, reports of unknown level (null) after them: the order of the agencies and year pages. */
export const levelHierarchy: readonly (Level | null)[] = ['central', 'province', 'city', 'county', 'township', 'department', null]

/** Level → Chinese label, e.g. `township` → 乡镇级. */
export const levelLabels = Object.fromEntries(levels.map((entry) => [entry.level, entry.label])) as Record<Level, string>

/**
 * The level a word names: its English id, its Chinese label or one of its aliases; null for anything else.
 * @example levelOf('乡镇') // 'township'
 * @example levelOf('乡镇级') // 'township'
 */
export function levelOf(word: string): Level | null {
  const typed = word.trim()
  return levels.find((entry) => entry.level === typed || entry.label === typed || entry.aliases.includes(typed))?.level ?? null
}
