import { parseArgs, type ParseArgsConfig } from 'node:util'
import { describe } from './messages.ts'

/** The options a CLI takes, as `node:util` `parseArgs` declares them (`--help`/`-h` is added to every CLI). */
export type CliOptions = NonNullable<ParseArgsConfig['options']>

/** What `parseArgs` reads for these options: typed values and the arguments that are not options. */
export type ParsedCli<O extends CliOptions> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>

/** What a CLI was asked: its arguments, or help, or a usage error (in Chinese, with its rule id). */
export type CliArgs<O extends CliOptions> =
  | ({ kind: 'args' } & ParsedCli<O>)
  | { kind: 'help' }
  | { kind: 'error'; reason: string; ruleId: 'bad-option' }

/**
 * Read a CLI's argv with `parseArgs` (also `--flag=value`; after `--` every argument is positional), `--help` or `-h`
 * being help. An unknown option, an option without its value (`--from --refresh` names no file), a value given to a
 * flag and, unless `positionals`, any other argument is a usage error naming it, followed by `hint` (the usage or the
 * options there are), never Node's English error and its stack trace.
 * @example readCliArgs(['--bogus'], { json: { type: 'boolean' } }, '用法：…') // { kind: 'error', reason: '未知选项 --bogus；用法：…', … }
 */
export function readCliArgs<O extends CliOptions>(argv: readonly string[], options: O, hint: string, config: { positionals?: boolean } = {}): CliArgs<O> {
  const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } satisfies CliOptions
  const problem = findProblem(argv, withHelp, config.positionals ?? true)
  if (problem !== null) return { kind: 'error', reason: describe('bad-option', { detail: `${problem}；${hint}` }), ruleId: 'bad-option' }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: withHelp, strict: true, allowPositionals: true })
    if ((values as { help?: boolean }).help === true) return { kind: 'help' }
    // Without --help the values are those of `options` alone, which parseArgs types from the options it was given.
    return { kind: 'args', values: values as ParsedCli<O>['values'], positionals }
  } catch (error) {
    // findProblem words every case parseArgs refuses; should one slip through, it is still a usage error, not a crash.
    return { kind: 'error', reason: describe('bad-option', { detail: `参数有误（${error instanceof Error ? error.message : String(error)}）；${hint}` }), ruleId: 'bad-option' }
  }
}

/** What is wrong with argv, in Chinese, or null: read as tokens, so nothing is thrown and each case is worded. */
function findProblem(argv: readonly string[], options: CliOptions, positionals: boolean): string | null {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true })
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') {
      if (!positionals) return `多余的参数 ${token.value}`
      continue
    }
    const option = options[token.name]
    if (!option) return `未知选项 ${argv[token.index] ?? token.rawName}`
    if (option.type === 'boolean') {
      if (token.value !== undefined) return `${token.rawName} 不带取值（收到 ${argv[token.index] ?? token.rawName}）`
    } else if (!token.value || (!token.inlineValue && token.value.startsWith('-'))) {
      // `--from --refresh` names no file: the next option is not taken as the value.
      return `${token.rawName} 需要一个值`
    }
  }
  return null
}

/**
 * A script's first step: its arguments, or null once it has answered `--help` with the usage (stdout) or a usage
 * error with the error (stderr) and exit code 2. `hint` follows an error; default the usage.
 * @example const args = readScriptArgs(process.argv.slice(2), { json: { type: 'boolean' } }, '用法：…'); if (args) …
 */
export function readScriptArgs<O extends CliOptions>(
  argv: readonly string[],
  options: O,
  usage: string,
  config: { positionals?: boolean; hint?: string } = {},
): ParsedCli<O> | null {
  const args = readCliArgs(argv, options, config.hint ?? usage, config.positionals === undefined ? {} : { positionals: config.positionals })
  if (args.kind === 'args') return { values: args.values, positionals: args.positionals }
  if (args.kind === 'help') {
    process.stdout.write(`${usage}\n`)
  } else {
    process.stderr.write(`${args.reason} [${args.ruleId}]\n`)
    process.exitCode = 2
  }
  return null
}
