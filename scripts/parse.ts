/** `npm run --silent parse -- FILE [--strict]`: print one report as JSON, its messages on stderr as `file:line 原因 [rule-id]`. */
import { readScriptArgs } from '../src/cli-args.ts'
import { readReport } from '../src/ingest/index.ts'
import { describeWithRule, formatMessage, isDoubt } from '../src/messages.ts'
import { parseReport } from '../src/parse/index.ts'

const usage = '用法：npm run --silent parse -- 文件 [--strict]'
const args = readScriptArgs(process.argv.slice(2), { strict: { type: 'boolean', default: false } }, usage)

if (args === null) {
  // --help answered, or a usage error reported.
} else if (args.positionals.length !== 1) {
  process.stderr.write(`${describeWithRule('bad-option', { detail: `须给出一个文件，收到 ${args.positionals.length} 个；${usage}` })}\n`)
  process.exitCode = 2
} else {
  const files = args.positionals
  const strict = args.values.strict
  const read = await readReport(files[0] as string)
  const parsed = read.value === null ? read : parseReport(read.value)
  const messages = read.value === null ? read.messages : [...read.messages, ...parsed.messages]
  if (parsed.value === null) {
    const error = messages.find((message) => message.severity === 'error') ?? messages[0]
    process.stderr.write(`${error === undefined ? `${files[0]} 无法解析` : formatMessage(error)}\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(`${JSON.stringify(parsed.value, null, 2)}\n`)
    for (const message of messages) process.stderr.write(`${formatMessage(message)}\n`)
    // --strict fails on parser doubt, not on facts about the report (a missing statutory part).
    if (messages.some((message) => message.severity === 'error') || (strict && messages.some(isDoubt))) process.exitCode = 1
  }
}
