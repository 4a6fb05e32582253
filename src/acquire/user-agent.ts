import { readFileSync } from 'node:fs'

/** What package.json says about the project, for the User-Agent. */
interface PackageInfo {
  name?: string
  version?: string
  homepage?: string
  repository?: string | { url?: string }
}

const info = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo

/** Where a site's operator can read about us: package.json `repository`, else `homepage`, else the package name. */
function repositoryOf(pkg: PackageInfo): string {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  return (repository ?? pkg.homepage ?? '').replace(/^git\+/, '').replace(/\.git$/, '')
}

/**
 * The User-Agent every request sends, naming the project and its repository, so a site's operator can see who
 * fetches and why: `fazhi-reports/0.1.0 (法治报告库; +https://…)` (ASCII only: header values must be Latin-1).
 */
export const userAgent = `${info.name ?? 'fazhi-reports'}/${info.version ?? '0'} (rule-of-law report archive${repositoryOf(info) ? `; +${repositoryOf(info)}` : ''})`

/** The product token robots.txt groups are matched against. */
export const robotsAgent = info.name ?? 'fazhi-reports'
