/** `npm run add -- URL… [--from FILE] [--refresh] [--reports DIR]`: fetch reports into reports/, one line per URL. */
import { readFile } from 'node:fs/promises'
import { addUrls, readUrlList } from '../src/acquire/index.ts'
import { createMessage, formatMessage } from '../src/messages.ts'
import { createProgress } from '../src/build/index.ts'

const args = process.argv.slice(2)
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
const from = value('--from')
const root = value('--reports') ?? 'reports'
const urls = args.filter((arg, index) => !arg.startsWith('--') && !['--from', '--reports'].includes(args[index - 1] ?? ''))
const refresh = args.includes('--refresh')

if ((urls.length === 0 && from === undefined && !refresh) || args.some((arg) => arg.startsWith('--') && !['--from', '--refresh', '--reports'].includes(arg))) {
  process.stderr.write('用法：npm run add -- 网址… [--from 网址列表文件] [--refresh] [--reports 文件夹] [bad-option]\n')
  process.exitCode = 2
} else {
  const listed = from === undefined ? [] : await readFile(from, 'utf8').then(readUrlList, (error: unknown) => {
    process.stderr.write(`${formatMessage(createMessage('unreadable', { file: from, severity: 'error' }, { detail: String(error) }))}\n`)
    process.exitCode = 2
    return null
  })
  if (listed !== null) await run(listed)
}

/** Add every URL given, print a line for each and the tally, and set the exit code. */
async function run(listed: string[]): Promise<void> {
  const progress = createProgress('抓取报告')
  const outcomes = await addUrls([...urls, ...listed], { root, refresh, onProgress: progress.update })
  progress.done()
  for (const outcome of outcomes) process.stdout.write(`${formatMessage(outcome.message)}\n`)
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length
  const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length
  process.stderr.write(`共 ${outcomes.length} 个网址：新增 ${count('added')}，修改 ${count('changed')}，未变 ${count('unchanged')}，失败 ${failed}\n`)
  if (failed > 0) process.exitCode = 1
}
