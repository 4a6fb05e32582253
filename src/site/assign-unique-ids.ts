import type { Message, Report } from '../types.ts'

/**
 * Make report ids unique: the first report by source path keeps its id, later ones get `-2`, `-3`, … and a warning.
 * Returns the reports sorted by source path.
 */
export function assignUniqueIds(reports: readonly Report[]): { reports: Report[]; messages: Message[] } {
  const sorted = [...reports].sort((a, b) => compareText(a.source.file, b.source.file))
  const taken = new Set<string>()
  const messages: Message[] = []
  const result = sorted.map((report) => {
    if (!taken.has(report.id)) {
      taken.add(report.id)
      return report
    }
    let n = 2
    while (taken.has(`${report.id}-${n}`)) n++
    const id = `${report.id}-${n}`
    taken.add(id)
    const first = sorted.find((other) => other.id === report.id)
    messages.push({
      file: report.source.file,
      line: null,
      reason: `id ${report.id} is already used by ${first?.source.file ?? 'another report'}; published as ${id}. Set \`id\` in a sidecar NAME.meta.yml to choose a stable one.`,
      ruleId: 'duplicate-id',
      severity: 'warning',
    })
    return { ...report, id }
  })
  return { reports: result, messages }
}

/** Code-point order, independent of the locale the build runs in. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
