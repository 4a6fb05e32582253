import path from 'node:path'
import { readCliArgs } from '../cli-args.ts'
import { normalisePrefix } from '../path-prefix.ts'
import { reportsPerPartPage, listedPerPage } from '../site/compose-site-data.ts'
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
  /**
   * Reports from which a build lets go of their sections once analysed and reads them back from the parse cache when
   * a page, a search record or the open data asks (`spillSections`), its reuse worker reads them there too, and its
   * heaps may grow by half past what a collection left (`capHeapGrowth`): memory, not time, is what runs out first in
   * a large archive. Default 20,000: at 10,000 the build needs ~2.6 GB, and reading each report's sections back (for
   * its page, its year's part pages, its search record and its open data: ~0.2–0.35 ms a read) costs more time than
   * the ~140 MB it saves.
   */
  spillSectionsFrom?: number
  /** Reports of a year per page of its part pages (`/years/2022/plans/`, then `…/plans/2/`). Default the site's, 100. */
  reportsPerPartPage?: number
  /** Entries a list page (a year's reports, the agencies) shows at most; past it, a page per province (`/years/2022/tianjinshi/`). Default the site's, 1,000. */
  listedPerPage?: number
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
  spillSectionsFrom: 20_000,
  reportsPerPartPage,
  listedPerPage,
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

const options = {
  strict: { type: 'boolean' },
  clean: { type: 'boolean' },
  reports: { type: 'string' },
  out: { type: 'string' },
  'path-prefix': { type: 'string' },
  'site-url': { type: 'string' },
  'only-bundle': { type: 'string', multiple: true },
} as const
const optionList = '可用选项：--strict、--reports 文件夹、--out 文件夹、--path-prefix /子路径/、--site-url 网址、--only-bundle 分片名、--clean、--help'

/** The usage of `npm run build` and `npm start`, printed by `--help`. */
export const buildUsage = `用法：npm run build -- [选项]，npm start -- [选项]

  --strict              解析有疑问时构建失败（也可设环境变量 STRICT=1）
  --reports 文件夹      报告所在文件夹（默认 reports）
  --out 文件夹          输出文件夹（默认 _site）
  --path-prefix /子路径/  网站所在的子路径（也可设 PATH_PREFIX）
  --site-url 网址       引用、订阅和站点地图所用的网址（也可设 SITE_URL）
  --only-bundle 分片名  只写这些搜索索引分片（可重复，或以逗号分隔）
  --clean               从头构建，不沿用上次构建
  --help                显示本说明`

/**
 * Read `--strict`, `--reports DIR`, `--out DIR`, `--path-prefix /sub/`, `--site-url URL`, `--only-bundle NAME`,
 * `--clean` (also `--flag=value`) and the `STRICT`, `PATH_PREFIX`, `SITE_URL` variables; flags win over the
 * environment, both over `buildDefaults`. An unknown flag or a flag without its value is an error in Chinese; `help`
 * is true for `--help`.
 * @example readBuildArgs(['--out=x'], {}).value?.outDir // 'x'
 */
export function readBuildArgs(argv: readonly string[], env: Record<string, string | undefined>): { value: BuildArgs | null; error: string | null; help: boolean } {
  const parsed = readCliArgs(argv, options, optionList, { positionals: false })
  if (parsed.kind === 'help') return { value: null, error: null, help: true }
  if (parsed.kind === 'error') return { value: null, error: parsed.reason, help: false }
  const { values } = parsed
  const args: BuildArgs = {
    strict: values.strict ?? (env.STRICT === '1' || env.STRICT === 'true'),
    reportsDir: values.reports ?? buildDefaults.reportsDir,
    outDir: values.out ?? buildDefaults.outDir,
    pathPrefix: values['path-prefix'] ?? (env.PATH_PREFIX || buildDefaults.pathPrefix),
    siteUrl: values['site-url'] ?? (env.SITE_URL || null),
    onlyBundles: (values['only-bundle'] ?? []).flatMap((value) => value.split(',').map((name) => name.trim()).filter(Boolean)),
    clean: values.clean ?? false,
  }
  return { value: args, error: null, help: false }
}
