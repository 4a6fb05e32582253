/** `npm run --silent parse -- FILE [--strict]`: print one report as JSON, its messages on stderr as `file:line 原因 [rule-id]`. */
import { readReport } from '../src/ingest/index.ts'
import { formatMessage, isDoubt } from '../src/messages.ts'
import { parseReport } from '../src/parse/index.ts'

const args = process.argv.slice(2)
const strict = args.includes('--strict')
const files = args.filter((arg) => !arg.startsWith('--'))

if (files.length !== 1) {
  process.stderr.write('用法：npm run --silent parse -- 文件 [--strict]\n')
  process.exitCode = 2
} else {
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
