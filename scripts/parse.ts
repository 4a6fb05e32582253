/** `npm run --silent parse -- FILE [--strict]`: print one report as JSON, its messages on stderr as `file:line reason [ruleId]`. */
import { readReport } from '../src/ingest/index.ts'
import { parseReport } from '../src/parse/index.ts'
import type { Message } from '../src/types.ts'

const args = process.argv.slice(2)
const strict = args.includes('--strict')
const files = args.filter((arg) => !arg.startsWith('--'))
const format = (message: Message): string => `${message.file}${message.line === null ? '' : `:${message.line}`} ${message.reason} [${message.ruleId}]`

if (files.length !== 1) {
  process.stderr.write('usage: npm run --silent parse -- FILE [--strict]\n')
  process.exitCode = 2
} else {
  const read = await readReport(files[0] as string)
  const parsed = read.value === null ? read : parseReport(read.value)
  const messages = read.value === null ? read.messages : [...read.messages, ...parsed.messages]
  if (parsed.value === null) {
    const error = messages.find((message) => message.severity === 'error') ?? messages[0]
    process.stderr.write(`${error === undefined ? `${files[0]} could not be parsed` : format(error)}\n`)
    process.exitCode = 1
  } else {
    process.stdout.write(`${JSON.stringify(parsed.value, null, 2)}\n`)
    for (const message of messages) process.stderr.write(`${format(message)}\n`)
    if (messages.some((message) => message.severity === 'error') || (strict && messages.length > 0)) process.exitCode = 1
  }
}
