import type { BuildSummary } from './build-site.ts'

/** Print every message as `file:line severity reason [ruleId]` on stderr, then the one-line summary on stdout. */
export function printBuildSummary(summary: BuildSummary, outDir: string): void {
  for (const message of [...summary.failures, ...summary.messages]) {
    console.error(`${message.file}:${message.line ?? 1} ${message.severity} ${message.reason} [${message.ruleId}]`)
  }
  if (summary.failures.length > 0) console.error(`not published: ${summary.failures.map((failure) => failure.file).join(', ')}`)
  console.log(
    `built ${summary.reports.length} reports (${summary.warnings} warnings, ${summary.errors} errors) in ${summary.seconds.toFixed(1)} s → ${outDir.replace(/\/?$/, '/')}`,
  )
}
