import path from 'node:path'
import { parseArgs } from 'node:util'
import { normalisePrefix } from '../path-prefix.ts'
import type { LoadedReports } from './load-reports.ts'

/** Options for `buildSite`; every one may be left out (`buildDefaults`). */
export interface BuildOptions {
  /** Folder of source reports. Default `reports`. */
  reportsDir?: string
  /** Folder the site is written to; emptied first. Default `_site`. */
  outDir?: string
  /** Sub-path the site is served under. Default `/`. */
  pathPrefix?: string
  /** Absolute origin used in citations, the feed and the sitemap. Default `http://localhost:8080`. */
  siteUrl?: string
  /** Build the Pagefind index. Default true. */
  index?: boolean
  /**
   * Record new and changed permalinks in `reportsDir/permalinks.json` (written only when it changes). Default false:
   * `npm run build` and `npm start` turn it on; a library call or a test never writes into a reports folder unasked.
   */
  recordPermalinks?: boolean
  /** Analyse the corpus (reuse, plan follow-up, change, substance; src/analysis). Default true. */
  analyse?: boolean
  /** Replace the list-read-parse step (tests, caching). Default `loadReports`. */
  load?: (root: string) => Promise<LoadedReports>
  /**
   * Write only these search bundles (`--only-bundle 2022`): one job of a build split over machines. The other
   * bundles are left as they are; the manifest lists them all. Default: every bundle.
   */
  onlyBundles?: readonly string[]
  /**
   * Start from the last build of `outDir` when one finished with the same code and options: render only the pages
   * whose content changed, delete the pages that are gone, index only the bundles whose pages changed. The result is
   * byte-identical to a full build. Default false: empty `outDir` and build everything.
   */
  incremental?: boolean
  /** Where builds keep what they wrote, for the next incremental build. Default `.cache/build`. */
  stateDir?: string
  /** How the search index is split and written (`indexSite`'s options; the benchmark varies them). Default its own. */
  search?: { split?: 'year' | 'none'; bundlePages?: number; parallel?: number; maxRepeats?: number }
}

/** The defaults of a build, once: `buildSite`, `npm run build` and `npm start` all read them here. */
export const buildDefaults = {
  reportsDir: 'reports',
  outDir: '_site',
  pathPrefix: '/',
  siteUrl: 'http://localhost:8080',
  index: true,
  recordPermalinks: false,
  analyse: true,
  incremental: false,
  stateDir: '.cache/build',
} as const

/** Build options with the defaults filled in, the output folder absolute, the prefix and origin normalised. */
export type ResolvedBuildOptions = Required<Omit<BuildOptions, 'load' | 'onlyBundles' | 'search'>> & Pick<BuildOptions, 'load' | 'onlyBundles' | 'search'>

/** Fill in the defaults and normalise: `outDir` absolute, `pathPrefix` `/…/`, `siteUrl` without a trailing slash. */
export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as BuildOptions
  const resolved = { ...buildDefaults, ...given }
  return {
    ...resolved,
    outDir: path.resolve(resolved.outDir),
    pathPrefix: normalisePrefix(resolved.pathPrefix),
    siteUrl: resolved.siteUrl.replace(/\/+$/, ''),
  }
}

/** Options of `npm run build` and `npm start`, from argv and the environment. */
export interface BuildArgs {
  strict: boolean
  reportsDir: string
  outDir: string
  pathPrefix: string
  /** Absolute origin for citations, the feed and the sitemap; null when neither `--site-url` nor `SITE_URL` gives one. */
  siteUrl: string | null
  /** `--only-bundle NAME` (repeatable, or `A,B`): the search bundles to write; empty for all. */
  onlyBundles: string[]
  /** `--clean`: build everything from nothing, not from the last build of the output folder. */
  clean: boolean
}

/** The command-line flags and the `BuildArgs` field each sets. */
const valued = { reports: 'reportsDir', out: 'outDir', 'path-prefix': 'pathPrefix', 'site-url': 'siteUrl' } as const
const usage = '可用选项：--strict、--reports 文件夹、--out 文件夹、--path-prefix /子路径/、--site-url 网址、--only-bundle 分片名、--clean'

/**
 * Read `--strict`, `--reports DIR`, `--out DIR`, `--path-prefix /sub/`, `--site-url URL` (also `--flag=value`) and the
 * `STRICT`, `PATH_PREFIX`, `SITE_URL` variables; flags win over the environment, both over `buildDefaults`. An unknown
 * flag or a flag without its value is an error in Chinese.
 * @example readBuildArgs(['--out=x'], {}).value?.outDir // 'x'
 */
export function readBuildArgs(argv: readonly string[], env: Record<string, string | undefined>): { value: BuildArgs | null; error: string | null } {
  const args: BuildArgs = {
    strict: env.STRICT === '1' || env.STRICT === 'true',
    reportsDir: buildDefaults.reportsDir,
    outDir: buildDefaults.outDir,
    pathPrefix: env.PATH_PREFIX || buildDefaults.pathPrefix,
    siteUrl: env.SITE_URL || null,
    onlyBundles: [],
    clean: false,
  }
  // Not strict: parseArgs then hands back unknown flags and missing values as tokens, for a message in Chinese.
  const { tokens } = parseArgs({
    args: [...argv],
    options: { strict: { type: 'boolean' }, clean: { type: 'boolean' }, reports: { type: 'string' }, out: { type: 'string' }, 'path-prefix': { type: 'string' }, 'site-url': { type: 'string' }, 'only-bundle': { type: 'string', multiple: true } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  })
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') return { value: null, error: `未知选项 ${token.value}；${usage}` }
    if ((token.name === 'strict' || token.name === 'clean') && token.value === undefined) {
      args[token.name] = true
      continue
    }
    if (token.name === 'only-bundle') {
      if (!token.value) return { value: null, error: `${token.rawName} 需要一个值` }
      args.onlyBundles.push(...token.value.split(',').map((name) => name.trim()).filter(Boolean))
      continue
    }
    const key = (valued as Record<string, (typeof valued)[keyof typeof valued]>)[token.name]
    if (!key) return { value: null, error: `未知选项 ${argv[token.index] ?? token.rawName}；${usage}` }
    if (token.value === undefined || token.value === '') return { value: null, error: `${token.rawName} 需要一个值` }
    args[key] = token.value
  }
  return { value: args, error: null }
}
