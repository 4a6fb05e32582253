/** `npx tsx scripts/evaluate.ts [--json] [--failures]`: parse the held-out corpus in test/holdout and print accuracy figures. */
import { evaluateHoldout } from '../test/holdout/evaluate-holdout.ts'
import { formatHoldoutTable } from '../test/holdout/format-holdout-table.ts'

const args = process.argv.slice(2)
const { fixtures, totals } = await evaluateHoldout()
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ totals, fixtures }, null, 2)}\n`)
} else {
  process.stdout.write(`${formatHoldoutTable(fixtures, totals)}\n`)
  if (args.includes('--failures')) {
    for (const fixture of fixtures) {
      process.stdout.write(`\n### ${fixture.file}\n`)
      for (const failure of fixture.failures) process.stdout.write(`- ${failure}\n`)
      for (const warning of fixture.warnings) process.stdout.write(`- warning: ${warning}\n`)
    }
  }
}
