/**
 * `npx tsx test/holdout3/run.ts [--json] [--failures]`: score the parser on the third held-out corpus in this folder
 * with the first corpus's evaluation, so both sets of figures are measured the same way.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { evaluateHoldout } from '../holdout/evaluate-holdout.ts'
import { formatHoldoutTable } from '../holdout/format-holdout-table.ts'

const folder = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const { fixtures, totals } = await evaluateHoldout(folder)
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ totals, fixtures }, null, 2)}\n`)
} else {
  process.stdout.write(`${formatHoldoutTable(fixtures, totals)}\n`)
  if (args.includes('--failures')) {
    for (const fixture of fixtures) {
      process.stdout.write(`\n### ${fixture.file} (id ${fixture.id ?? 'none'})\n`)
      for (const failure of fixture.failures) process.stdout.write(`- ${failure}\n`)
      for (const warning of fixture.warnings) process.stdout.write(`- warning: ${warning}\n`)
    }
  }
}
