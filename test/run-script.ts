import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The project folder, where `scripts/` and `reports/` are. */
export const projectRoot = fileURLToPath(new URL('../', import.meta.url))

/** What a script printed and its exit code. */
export interface ScriptRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Run `scripts/NAME.ts` as `npm run NAME` does (Node with tsx) in the project folder, and collect its output and exit
 * code; a failing exit is a result, not a throw.
 * @example const { code, stderr } = await runScript('add', ['--bogus'])
 */
export function runScript(name: string, args: readonly string[], options: { timeout?: number } = {}): Promise<ScriptRun> {
  return runCommand(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], options)
}

/**
 * Run a program in the project folder and collect its output and exit code, as `runScript` does.
 * @example const { code } = await runCommand('bash', ['-c', 'ulimit -n 128 && exec node …'])
 */
export function runCommand(file: string, args: readonly string[], options: { timeout?: number; env?: NodeJS.ProcessEnv } = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: projectRoot, maxBuffer: 1 << 24, timeout: options.timeout ?? 0, ...(options.env ? { env: options.env } : {}) }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr })
    })
  })
}
