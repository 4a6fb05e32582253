// `npm run build`: argv → buildSite → messages, one summary line, exit code.
import { buildSite, buildUsage, printBuildFailure, printBuildSummary, readBuildArgs, relaunchWithHeap, type BuildArgs } from '../src/build/index.ts'

const { value: args, error, help } = readBuildArgs(process.argv.slice(2), process.env)
if (help) {
  console.log(buildUsage)
} else if (!args) {
  console.error(`构建：${error} [bad-option]`)
  process.exitCode = 2
} else {
  // A large archive is built by a process with a heap to match (src/build/heap-limit.ts).
  const relaunched = await relaunchWithHeap(args.reportsDir)
  if (relaunched !== null) process.exitCode = relaunched
  else await build(args)
}

async function build(args: BuildArgs): Promise<void> {
  const { siteUrl, clean, ...rest } = args
  // From the last build of the folder when there is one (byte-identical to a clean build); `--clean` starts over.
  const summary = await buildSite({ ...rest, ...(siteUrl ? { siteUrl } : {}), recordPermalinks: true, incremental: !clean }).catch(printBuildFailure)
  if (!summary || printBuildSummary(summary, args.outDir, args.strict)) process.exitCode = 1
}
