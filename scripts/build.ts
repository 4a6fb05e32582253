// `npm run build`: argv → buildSite → messages, one summary line, exit code.
import { buildSite } from '../src/site/build-site.ts'
import { readBuildArgs } from '../src/site/read-build-args.ts'

const { value: args, error } = readBuildArgs(process.argv.slice(2), process.env)
if (!args) {
  console.error(`build: ${error}`)
  process.exitCode = 2
} else {
  const summary = await buildSite(args)
  for (const message of [...summary.failures, ...summary.messages]) {
    console.error(`${message.file}:${message.line ?? 1} ${message.severity} ${message.reason} [${message.ruleId}]`)
  }
  if (summary.failures.length > 0) console.error(`not published: ${summary.failures.map((failure) => failure.file).join(', ')}`)
  console.log(
    `built ${summary.reports.length} reports (${summary.warnings} warnings, ${summary.errors} errors) in ${summary.seconds.toFixed(1)} s → ${args.outDir.replace(/\/?$/, '/')}`,
  )
  if (args.strict && (summary.warnings > 0 || summary.errors > 0)) process.exitCode = 1
}
