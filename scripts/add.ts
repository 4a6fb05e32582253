/** `npm run add -- URL… [--from FILE] [--refresh] [--reports DIR]`: fetch reports into reports/, one line per URL. */
import { readFile } from 'node:fs/promises'
import { addUrls, addUsage, readAddArgs, readUrlList } from '../src/acquire/index.ts'
import { createProgress } from '../src/build/index.ts'
import { createMessage, formatMessage } from '../src/messages.ts'

const args = readAddArgs(process.argv.slice(2))
if (args.kind === 'help') {
  console.log(addUsage)
} else if (args.kind === 'error') {
  process.stderr.write(`${args.reason} [${args.ruleId}]\n`)
  process.exitCode = 2
} else {
  const { from } = args
  const listed = from === null ? [] : await readFile(from, 'utf8').then(readUrlList, (error: unknown) => {
    process.stderr.write(`${formatMessage(createMessage('unreadable', { file: from, severity: 'error' }, { detail: String(error) }))}\n`)
    process.exitCode = 2
    return null
  })
  if (listed !== null) {
    const progress = createProgress('抓取报告')
    const outcomes = await addUrls([...args.urls, ...listed], { root: args.root, refresh: args.refresh, onProgress: progress.update })
    progress.done()
    for (const outcome of outcomes) process.stdout.write(`${formatMessage(outcome.message)}\n`)
    const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length
    process.stderr.write(`共 ${outcomes.length} 个网址：新增 ${count('added')}，修改 ${count('changed')}，未变 ${count('unchanged')}，失败 ${count('failed')}\n`)
    if (count('failed') > 0) process.exitCode = 1
  }
}
