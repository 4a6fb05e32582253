/** Where a report lives on the site, derived from its id alone so adding reports never moves it. */
export interface ReportLocation {
  /** First path segment under /reports/: the year, or `undated`. */
  dir: string
  /** The id without its year: also the agency's slug. */
  slug: string
  /** Site-relative URL of the report page, e.g. `/reports/2022/tianjin-zwfwb/`. */
  url: string
  /** Site-relative URL of the report's JSON. */
  jsonUrl: string
  /** Site-relative URL of the agency page. */
  agencyUrl: string
}

/**
 * Map a report id to its permalinks.
 * @example locateReport('2022-tianjin-zwfwb').url // '/reports/2022/tianjin-zwfwb/'
 */
export function locateReport(id: string): ReportLocation {
  const match = /^(\d{4}|undated)-(.+)$/.exec(id)
  const dir = match?.[1] ?? 'undated'
  const slug = match?.[2] ?? id
  return {
    dir,
    slug,
    url: `/reports/${dir}/${slug}/`,
    jsonUrl: `/data/reports/${id}.json`,
    agencyUrl: `/agencies/${slug}/`,
  }
}
