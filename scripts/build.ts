// `npm run build`: argv → buildSite → messages, one summary line, exit code.
import { buildSite, buildUsage, printBuildFailure, printBuildSummary, readBuildArgs } from '../src/build/index.ts'

const { value: args, error, help } = readBuildArgs(process.argv.slice(2), process.env)
if (help) {
  console.log(buildUsage)
} else if (!args) {
  console.error(`构建：${error} [bad-option]`)
  process.exitCode = 2
} else {
  const { siteUrl, clean, ...rest } = args
  // From the last build of the folder when there is one (byte-identical to a clean build); `--clean` starts over.
  const summary = await buildSite({ ...rest, ...(siteUrl ? { siteUrl } : {}), recordPermalinks: true, incremental: !clean }).catch(printBuildFailure)
  if (!summary || printBuildSummary(summary, args.outDir, args.strict)) process.exitCode = 1
}
