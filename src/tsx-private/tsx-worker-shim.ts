import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Source of a worker entry (`new Worker(source, { eval: true })`) that registers tsx's ESM hooks and then imports
 * the TypeScript module at `moduleUrl`: Node 20 does not register hooks given as `--import tsx` in a worker's
 * `execArgv`, so the worker registers them itself.
 * @example new Worker(tsxWorkerShim(import.meta.url), { eval: true, workerData })
 */
export function tsxWorkerShim(moduleUrl: string): string {
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const api = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}) })`
}
