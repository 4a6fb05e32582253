// `npm start`: take a port (8080 or the next free one), build the archive for that address, serve it until Ctrl-C.
import path from 'node:path'
import { buildSite, buildUsage, printBuildFailure, printBuildSummary, readBuildArgs, relaunchWithHeap, type BuildArgs } from '../src/build/index.ts'
import { serveStatic } from '../src/serve/index.ts'

const { value: args, error, help } = readBuildArgs(process.argv.slice(2), process.env)
if (help) {
  console.log(buildUsage)
} else if (!args) {
  console.error(`启动：${error} [bad-option]`)
  process.exitCode = 2
} else {
  // A large archive is built and served by a process with a heap to match (src/build/heap-limit.ts).
  const relaunched = await relaunchWithHeap(args.reportsDir)
  if (relaunched !== null) process.exitCode = relaunched
  else await start(args)
}

async function start(args: BuildArgs): Promise<void> {
  // Bind first, so citations, the feed and the sitemap name the port actually served (unless --site-url says otherwise).
  // Requests that arrive during the build wait for it.
  let built = (): void => {}
  const ready = new Promise<void>((resolve) => (built = resolve))
  const server = await serveStatic(path.resolve(args.outDir), { port: Number(process.env.PORT) || 8080, host: 'localhost', pathPrefix: args.pathPrefix, ready })
  const { siteUrl, clean, ...rest } = args
  const summary = await buildSite({ ...rest, siteUrl: siteUrl ?? new URL(server.url).origin, recordPermalinks: true, incremental: !clean })
    .catch(printBuildFailure)
    .finally(built)
  if (summary) {
    printBuildSummary(summary, args.outDir, args.strict)
    console.log(`法治报告库已在 ${server.url} 提供服务（Ctrl-C 停止）`)
    process.once('SIGINT', () => void server.close().then(() => process.exit(0)))
  } else {
    await server.close()
    process.exitCode = 1
  }
}
