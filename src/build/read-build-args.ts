/** Options of `npm run build`, from argv and the environment. */
export interface BuildArgs {
  strict: boolean
  reportsDir: string
  outDir: string
  pathPrefix: string
  /** Absolute origin for citations, the feed and the sitemap; null when neither `--site-url` nor `SITE_URL` gives one. */
  siteUrl: string | null
}

/**
 * Read `--strict`, `--reports DIR`, `--out DIR`, `--path-prefix /sub/` (also `--flag=value`) and the
 * `STRICT`, `PATH_PREFIX`, `SITE_URL` variables; flags win over the environment. Unknown flags are errors.
 */
export function readBuildArgs(argv: readonly string[], env: Record<string, string | undefined>): { value: BuildArgs | null; error: string | null } {
  const args: BuildArgs = {
    strict: env.STRICT === '1' || env.STRICT === 'true',
    reportsDir: 'reports',
    outDir: '_site',
    pathPrefix: env.PATH_PREFIX || '/',
    siteUrl: env.SITE_URL || null,
  }
  const valued: Record<string, 'reportsDir' | 'outDir' | 'pathPrefix' | 'siteUrl'> = {
    '--reports': 'reportsDir',
    '--out': 'outDir',
    '--path-prefix': 'pathPrefix',
    '--site-url': 'siteUrl',
  }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (arg === '--strict') {
      args.strict = true
      continue
    }
    const [flag = '', inline] = arg.split(/=(.*)/s, 2)
    const key = valued[flag]
    if (!key) return { value: null, error: `未知选项 ${arg}；可用选项：--strict、--reports 文件夹、--out 文件夹、--path-prefix /子路径/、--site-url 网址` }
    const value = inline ?? argv[++index]
    if (value === undefined || value === '') return { value: null, error: `${flag} 需要一个值` }
    args[key] = value
  }
  return { value: args, error: null }
}
