// Benchmark the full build on a synthetic corpus: `npm run bench -- --reports 2000 [--json] [--seed 1] [--keep] [--no-analysis] [--planted 100]`.
import { formatBenchTable, runBench } from '../src/bench/index.ts'
import { relaunchWithHeap } from '../src/build/index.ts'
import { readScriptArgs } from '../src/cli-args.ts'
import { describeWithRule } from '../src/messages.ts'

const usage = `用法：npm run bench -- [选项]

在合成语料上测量完整构建（解析 → 生成页面 → 建立索引）和一次搜索。

  --reports N         语料报告数（默认 200）
  --seed N            随机种子（默认 1）
  --json              表格输出到标准错误，标准输出只有 JSON 数据
  --query 关键词      测量的搜索（默认“行政复议 执法”）
  --limit N           搜索显示的结果数（默认 10）
  --workers N         解析线程数
  --split year|none   搜索索引按年度分片或不分
  --bundle-pages N    每个索引分片的页数
  --parallel N        同时写的索引分片数
  --no-analysis       不做文本分析
  --planted N         植入真值语料的机构数（默认 100，0 不测）
  --touch N           改动 N 份报告后再增量构建一次并计时
  --keep              保留临时文件夹
  --help              显示本说明`

const args = readScriptArgs(
  process.argv.slice(2),
  {
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
  usage,
  { positionals: false, hint: '运行 npm run bench -- --help 查看可用选项' },
)
if (args) {
  const { values } = args
  const reports = Number(values.reports)
  if (!Number.isInteger(reports) || reports < 1) {
    console.error(describeWithRule('bad-option', { detail: `--reports 应为正整数，收到的是 ${values.reports}` }))
    process.exitCode = 2
  } else {
    // At 100,000 reports the bench needs a heap larger than Node's default (src/build/heap-limit.ts).
    const relaunched = await relaunchWithHeap('', reports)
    if (relaunched !== null) process.exitCode = relaunched
    else await bench(values, reports)
  }
}

async function bench(values: NonNullable<typeof args>['values'], reports: number): Promise<void> {
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
