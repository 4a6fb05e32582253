/** The benchmark: a synthetic corpus built end to end, timed and measured. */
export { runBenchRebuild, type BenchBuildSettings } from './bench-build.ts'
export { formatBenchTable } from './format-bench-table.ts'
export { runBench } from './run-bench.ts'
