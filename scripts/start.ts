// `npm start`: build the archive, then serve it on http://localhost:8080 (or the next free port) until Ctrl-C.
import { buildSite } from '../src/site/build-site.ts'
import { printBuildSummary } from '../src/site/print-build-summary.ts'
import { readBuildArgs } from '../src/site/read-build-args.ts'
import { serveStatic } from '../src/site/serve-static.ts'

const { value: args, error } = readBuildArgs(process.argv.slice(2), process.env)
if (!args) {
  console.error(`start: ${error}`)
  process.exitCode = 2
} else {
  const summary = await buildSite(args)
  printBuildSummary(summary, args.outDir)
  const server = await serveStatic(summary.outDir, { port: Number(process.env.PORT) || 8080, host: 'localhost', pathPrefix: args.pathPrefix })
  console.log(`法治报告库 is being served at ${server.url} (Ctrl-C stops)`)
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)))
}
