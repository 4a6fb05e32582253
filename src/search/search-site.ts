import type { Result } from '../types.ts'
import { runSearch, type FilterCounts, type SearchHit, type SearchState } from '../../templates/assets/search.core.js'
import { openSiteIndex } from './open-site-index.ts'
import { resolveFilters } from './resolve-filters.ts'

/** Hits for one query against a built site. */
export interface SiteSearch {
  /** Pages matching the query and filters (in every year: the CLI searches them all); never fewer than the truth. */
  total: number
  /** True when `total` may be larger than the truth: some candidates were not checked and may not hold the words. */
  approximate: boolean
  /** True: the CLI always searches every group. */
  complete: boolean
  /** The first `limit` hits, by year (newest first), then by matched positions; across years with `sort: 'relevance'`. */
  hits: SearchHit[]
  /** Filter counts for this query. */
  filters: FilterCounts
}

/**
 * Search a built site's Pagefind bundles from Node, offline, with the same code and order as the search page.
 * Filter values are checked against the index first (`resolveFilters`): a value it does not hold is an error
 * (`unknown-filter-value`) naming the values it does, never an empty result.
 * @example await searchSite('_site', { q: '行政复议', year: '2022' }, 10)
 */
export async function searchSite(siteDir: string, state: SearchState, limit = 20): Promise<Result<SiteSearch>> {
  const opened = await openSiteIndex(siteDir)
  if (!opened.value) return { value: null, messages: opened.messages }
  try {
    await opened.value.loadAll()
    const resolved = resolveFilters(state, await opened.value.pagefind.filters())
    if (!resolved.value) return { value: null, messages: [...opened.messages, ...resolved.messages] }
    const found = await runSearch(opened.value, resolved.value, limit)
    return { value: found ?? { total: 0, approximate: false, complete: true, hits: [], filters: {} }, messages: opened.messages }
  } finally {
    await opened.value.destroy()
  }
}
