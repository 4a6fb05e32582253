/** The benchmark: a synthetic corpus built end to end, timed and measured. */
export { formatBenchTable } from './format-bench-table.ts'
export { runBench } from './run-bench.ts'
