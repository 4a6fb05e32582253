// The bench's rebuild after `--touch`, in a process of its own as `npm run build` runs: argv[2] is the bench's build
// settings as JSON; prints the rebuild's figures as one JSON line (progress and errors on stderr). Started by `npm run bench`.
import { runBenchRebuild, type BenchBuildSettings } from '../src/bench/index.ts'
import { printBuildFailure } from '../src/build/index.ts'

const settings = JSON.parse(process.argv[2] ?? '{}') as BenchBuildSettings
const figures = await runBenchRebuild(settings).catch(printBuildFailure)
if (figures) process.stdout.write(`${JSON.stringify(figures)}\n`)
else process.exitCode = 1
