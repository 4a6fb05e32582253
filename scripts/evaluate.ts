/**
 * `npx tsx scripts/evaluate.ts [--corpus DIR] [--json] [--failures]`: parse a held-out corpus (default test/holdout;
 * also test/holdout2, test/holdout3) and print accuracy figures.
 */
import { parseArgs } from 'node:util'
import { evaluateHoldout } from '../test/holdout/evaluate-holdout.ts'
import { formatHoldoutTable } from '../test/holdout/format-holdout-table.ts'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'test/holdout' },
    json: { type: 'boolean', default: false },
    failures: { type: 'boolean', default: false },
  },
})
const { fixtures, totals } = await evaluateHoldout(values.corpus)
if (values.json) {
  process.stdout.write(`${JSON.stringify({ totals, fixtures }, null, 2)}\n`)
} else {
  process.stdout.write(`${formatHoldoutTable(fixtures, totals)}\n`)
  if (values.failures) {
    for (const fixture of fixtures) {
      process.stdout.write(`\n### ${fixture.file} (id ${fixture.id ?? 'none'})\n`)
      for (const failure of fixture.failures) process.stdout.write(`- ${failure}\n`)
      for (const warning of fixture.warnings) process.stdout.write(`- warning: ${warning}\n`)
    }
  }
}
