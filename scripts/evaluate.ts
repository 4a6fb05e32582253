/**
 * `npx tsx scripts/evaluate.ts [--corpus DIR] [--json] [--failures]`: parse a held-out corpus (default test/holdout;
 * also test/holdout2 … test/holdout5) and print accuracy figures. A corpus with a `labels.jsonl` (test/real-openings,
 * ../shared/real-openings) is checked against its labels instead.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { readScriptArgs } from '../src/cli-args.ts'
import { evaluateHoldout, evaluateOpenings, formatHoldoutTable, formatOpenings } from '../src/evaluate/index.ts'

const usage = '用法：npx tsx scripts/evaluate.ts [--corpus 文件夹] [--json] [--failures]'
const args = readScriptArgs(
  process.argv.slice(2),
  { corpus: { type: 'string', default: 'test/holdout' }, json: { type: 'boolean', default: false }, failures: { type: 'boolean', default: false } },
  usage,
  { positionals: false },
)
if (args) await evaluate(args.values)

async function evaluate(values: { corpus: string; json: boolean; failures: boolean }): Promise<void> {
  if (existsSync(path.join(values.corpus, 'labels.jsonl'))) {
    const { results, totals } = await evaluateOpenings(values.corpus)
    process.stdout.write(values.json ? `${JSON.stringify({ totals, results }, null, 2)}\n` : `${formatOpenings(results, totals, values.failures)}\n`)
  } else {
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
  }
}
