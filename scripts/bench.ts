// Benchmark the full build on a synthetic corpus: `npm run bench -- --reports 2000 [--json] [--seed 1] [--keep] [--no-analysis] [--planted 100]`.
import { parseArgs } from 'node:util'
import { formatBenchTable, runBench } from '../src/bench/index.ts'

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    query: { type: 'string' },
    workers: { type: 'string' },
    split: { type: 'string' },
    'bundle-pages': { type: 'string' },
    parallel: { type: 'string' },
    limit: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-analysis': { type: 'boolean', default: false },
    planted: { type: 'string' },
    touch: { type: 'string' },
  },
})
const reports = Number(values.reports)
if (!Number.isInteger(reports) || reports < 1) {
  console.error(`--reports 应为正整数，收到的是 ${values.reports}`)
  process.exitCode = 1
} else {
  const result = await runBench({
    reports,
    seed: Number(values.seed),
    keep: values.keep,
    analyse: !values['no-analysis'],
    ...(values.planted ? { plantedAgencies: Number(values.planted) } : {}),
    ...(values.query ? { query: values.query } : {}),
    ...(values.workers ? { workers: Number(values.workers) } : {}),
    ...(values.split === 'none' || values.split === 'year' ? { split: values.split } : {}),
    ...(values['bundle-pages'] ? { bundlePages: Number(values['bundle-pages']) } : {}),
    ...(values.parallel ? { parallel: Number(values.parallel) } : {}),
    ...(values.limit ? { limit: Number(values.limit) } : {}),
    ...(values.touch ? { touch: Number(values.touch) } : {}),
  })
  const table = formatBenchTable(result)
  if (values.json) console.error(table)
  else console.log(table)
  if (result.workDir) console.error(`保留的临时文件夹：${result.workDir}`)
  console.log(JSON.stringify(result.figures))
}
