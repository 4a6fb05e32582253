// Types for search.core.js, which stays plain JavaScript so browsers load it without a build step.
import type { SectionKind } from '../../src/types.ts'

/** What the user asked for; every key is also a query-string key. */
export interface SearchState {
  q: string
  year?: string
  kind?: string
  province?: string
  level?: string
  agency?: string
  /** `relevance` ranks across all years; by default hits come newest first: by year, then by publication date. */
  sort?: string
}

/** A link to one section of a hit. */
export interface SubHit {
  url: string
  title: string
  kind: SectionKind | null
  excerpt: string
}

/** One report found, shaped for display. */
export interface SearchHit {
  url: string
  title: string
  agency: string
  year: string
  published: string
  kinds: SectionKind[]
  excerpt: string
  sub_results: SubHit[]
}

/** Filter counts: filter name → value → pages. */
export type FilterCounts = Record<string, Record<string, number>>

/** The slice of the Pagefind instance API the shared code uses. */
export interface PagefindLike {
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{
    results: { id: string; score?: number; words?: number[]; data(): Promise<PagefindData> }[]
    filters?: FilterCounts
  } | null>
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>
  filters(): Promise<FilterCounts>
}

/** The fields of Pagefind's result data the shared code reads. */
export interface PagefindData {
  url: string
  excerpt: string
  content?: string
  /** The content with Pagefind's word breaks (U+200B) and `<`, `>` escaped; word numbers index into it. */
  raw_content?: string
  /** Headings and other elements with ids, at their word number. */
  anchors?: { element: string; id: string; text?: string; location: number }[]
  meta: Record<string, string>
  sub_results?: { url: string; title: string; excerpt: string }[]
}

/** The manifest `indexSite` writes. */
export interface BundleManifest {
  version: number
  shards: { path: string; years: number[]; pages: number; group?: string | null }[]
}

/** Bundles that share a `group` filter value (a year), searched together. */
export interface BundleGroup {
  key: string | null
  years: number[]
  paths: string[]
}

/** A site's bundles, opened lazily (see `openBundles`). */
export interface SiteBundles {
  pagefind: PagefindLike
  groups: BundleGroup[]
  load(group: BundleGroup): Promise<void>
  loadAll(): Promise<void>
}

/** What `runSearch` returns. */
export interface SearchFound {
  /** Pages found in the groups searched, less those whose text did not hold a phrase. */
  total: number
  /** True when `total` may be larger than the truth: some candidates were not checked and may not hold the words. */
  approximate: boolean
  /** False when the search stopped before the older groups (the first query); `total` is then a lower bound. */
  complete: boolean
  hits: SearchHit[]
  filters: FilterCounts
}

export const stateKeys: readonly (keyof SearchState)[]
export const filterKeys: readonly Exclude<keyof SearchState, 'q' | 'sort'>[]
export { levelLabels } from './levels.js'
export const unknownValue: string
export function filterLabel(key: string, value: string): string
export const kindLabels: Record<SectionKind, string>
export function stateFromQuery(query: string): SearchState
export function queryFromState(state: SearchState): string
export function filtersFromState(state: SearchState): Record<string, string>
export function anchorOf(url: string): string | null
export function kindOfAnchor(anchor: string | null): SectionKind | null
export function filterSubResults<T extends { url: string }>(subResults: T[], kind: string | undefined): T[]
export const singleBundle: BundleManifest
export const pagefindOptions: Record<string, unknown>
export function groupsOf(manifest: BundleManifest): BundleGroup[]
export function openBundles(pagefind: PagefindLike, manifest: BundleManifest, siteBase: string): SiteBundles
export function runSearch(bundles: SiteBundles, state: SearchState, limit?: number, options?: { counts?: boolean }): Promise<SearchFound | null>
export function countResults(bundles: SiteBundles, state: SearchState): Promise<{ total: number; approximate: boolean; filters: FilterCounts } | null>
export function highlightUrl(url: string, term: string | undefined): string
export function holdsTerm(excerpt: string, term: string): boolean
export function phrasesOf(term: string): string[]
export function normaliseText(text: string): string
export function foldCharacter(character: string): string
export function foldText(text: string): string
export function unitCode(unit: string): string
export function pointCode(point: number): string
export function indexWords(text: string): string[]
/** A query word: as typed, folded, its length in units and its index words (space-separated). */
export interface QueryWord {
  text: string
  folded: string
  phrase: boolean
  units: number
  tokens: string
}
export function queryWordsOf(term: string): QueryWord[]
export function lookupsOf(words: QueryWord[]): string[]
export function candidatesMayMiss(words: QueryWord[], state: SearchState): boolean
export const blockBreak: string
export const newestSort: string
export function unbreak(text: string): string
export function containsPhrases(content: string, phrases: string[]): boolean
