import type { FixtureResult, HoldoutTotals } from './evaluate-holdout.ts'
import { metadataFields } from './score-report.ts'

/** The per-fixture figures and totals as a Markdown table (readable in a terminal too). */
export function formatHoldoutTable(fixtures: readonly FixtureResult[], totals: HoldoutTotals): string {
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`
  const rows = fixtures.map((fixture) => [
    fixture.file,
    fixture.read,
    String(fixture.bodyChars),
    percent(fixture.bodyChars === 0 ? 0 : fixture.rightKindChars / fixture.bodyChars),
    `${fixture.headingsFound}/${fixture.headings}`,
    `${fixture.metadataRight}/${metadataFields.length}`,
    String(fixture.furnitureLeft.reduce((total, entry) => total + entry.count, 0)),
    String(fixture.lostChars),
    String(fixture.extraChars),
    String(fixture.warnings.length),
  ])
  rows.push([
    `**total (${totals.fixtures})**`, '', String(totals.bodyChars), `**${percent(totals.kindShare)}**`,
    `**${totals.headingsFound}/${totals.headings}**`,
    `**${totals.metadataRight}/${totals.metadataTotal} (${percent(totals.metadataShare)})**`,
    `**${totals.furnitureLeft}**`, `**${totals.lostChars}**`, `**${totals.extraChars}**`, String(totals.warnings),
  ])
  const header = ['fixture', 'read as', 'body chars', 'right kind', 'headings', 'metadata', 'furniture left', 'lost', 'extra', 'warnings']
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')
}
