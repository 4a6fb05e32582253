import { createMessage, describe, describeWithRule, formatMessage, isDoubt } from '../messages.ts'
import type { Message } from '../types.ts'
import type { BuildSummary } from './build-site.ts'

/**
 * Print every message once as `file:line 原因 [rule-id]` on stderr, then one summary line on stdout. With `strict`, the
 * line says whether the build failed and which rules made it fail; returns true when it failed.
 */
export function printBuildSummary(summary: BuildSummary, outDir: string, strict = false): boolean {
  for (const message of [...summary.failures, ...summary.messages]) console.error(formatMessage(message))
  if (summary.failures.length > 0) console.error(`未发布：${summary.failures.map((failure) => failure.file).join('、')}`)
  const { permalinks } = summary
  if (permalinks.written) {
    console.error(formatMessage(createMessage('registry-updated', { file: permalinks.file, severity: 'warning' }, permalinks)))
  }
  const doubts = strict ? [...summary.failures, ...summary.messages].filter(isDoubt) : []
  const { incremental } = summary
  const redone = incremental
    ? `（增量：重新生成 ${incremental.pages} 个页面，删除 ${incremental.removed} 个，重建 ${incremental.bundles.length} 个索引分片）`
    : ''
  const line = `已构建 ${summary.reports.length} 篇报告（${summary.warnings} 条提示，${summary.errors} 个错误），用时 ${summary.seconds.toFixed(1)} 秒${redone} → ${outDir.replace(/\/?$/, '/')}`
  if (doubts.length === 0) {
    console.log(strict ? `${line}；严格模式通过` : line)
    return false
  }
  console.log(`${line}；严格模式：构建失败，${doubts.length} 条解析存疑（${tally(doubts)}），网站仍已写出`)
  return true
}

/** `unknown-agency ×2、duplicate-id ×1`, most frequent first. */
function tally(messages: readonly Message[]): string {
  const counts = new Map<string, number>()
  for (const message of messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1)
  return [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([ruleId, count]) => `[${ruleId}] ×${count}`)
    .join('、')
}

/**
 * Print why a build stopped, in Chinese with its rule id: an error the build describes already carries one
 * (`[bad-output-folder]`); any other is unexpected, so its stack follows for a bug report. Returns null, for
 * `buildSite(…).catch(printBuildFailure)`: no summary.
 */
export function printBuildFailure(error: unknown): null {
  const detail = error instanceof Error ? error.message : String(error)
  if (/\[[a-z-]+\]$/.test(detail)) {
    console.error(describe('build-failed', { detail }))
    return null
  }
  console.error(describeWithRule('build-failed', { detail }))
  if (error instanceof Error && error.stack) console.error(error.stack)
  return null
}
