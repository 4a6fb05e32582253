// Types for search.core.js, which stays plain JavaScript so browsers load it without a build step.
import type { SectionKind, Level } from '../../src/types.ts'

/** What the user asked for; every key is also a query-string key. */
export interface SearchState {
  q: string
  year?: string
  kind?: string
  province?: string
  level?: string
  agency?: string
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
export interface ShardManifest {
  version: number
  shards: { path: string; years: number[]; pages: number }[]
  /** Han characters of the indexed text, most frequent first (the commonest ~600). */
  frequent?: string
}

export const stateKeys: readonly (keyof SearchState)[]
export const filterKeys: readonly Exclude<keyof SearchState, 'q'>[]
export const levelLabels: Record<Level, string>
export const kindLabels: Record<SectionKind, string>
export function stateFromQuery(query: string): SearchState
export function queryFromState(state: SearchState): string
export function filtersFromState(state: SearchState): Record<string, string>
export function anchorOf(url: string): string | null
export function kindOfAnchor(anchor: string | null): SectionKind | null
export function filterSubResults<T extends { url: string }>(subResults: T[], kind: string | undefined): T[]
export function mergeMarks(html: string): string
export function mergeShards(instance: PagefindLike, manifest: ShardManifest, siteBase: string): Promise<void>
export function runSearch(
  instance: PagefindLike,
  state: SearchState,
  limit?: number,
  options?: { counts?: boolean; frequent?: string },
): Promise<{ total: number; approximate: boolean; hits: SearchHit[]; filters: FilterCounts } | null>
export function countFilters(instance: PagefindLike, state: SearchState, options?: { frequent?: string }): Promise<FilterCounts | null>
export function rarestOf(phrase: string, frequent: string): string[]
export function highlightUrl(url: string, term: string | undefined): string
export function holdsTerm(excerpt: string, term: string): boolean
export function phrasesOf(term: string): string[]
export function splitHan(text: string, separator: string): string
export function queryWordsOf(term: string): { text: string; phrase: boolean; tokens: string }[]
export function unbreak(text: string): string
export function containsPhrases(content: string, phrases: string[]): boolean
