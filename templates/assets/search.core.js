// Query logic shared by the search page (served as-is, no build step) and the offline CLI (imported by Node),
// so the two cannot drift: URL ↔ state, Pagefind filters, shard merging, kind filtering, excerpt marks.

/** Query-string keys, in the order URLs are written. */
export const stateKeys = ['q', 'year', 'kind', 'province', 'level', 'agency']

/** Filter keys that map one-to-one to the pages' `data-pagefind-filter` names. */
export const filterKeys = ['year', 'kind', 'province', 'level', 'agency']

/** Chinese labels for the `level` filter values. */
export const levelLabels = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门' }

/** Chinese labels for the `kind` filter values (mirrors `sectionKinds` in src/parse/section-kinds.ts; a test keeps them equal). */
export const kindLabels = {
  preamble: '导语',
  achievements: '主要举措和成效',
  leadership: '第一责任人职责',
  shortcomings: '存在的不足和原因',
  plans: '下一年度主要安排',
  other: '其他',
  closing: '落款',
}

/** Read the search state from a query string such as `?q=普法&year=2022`; unknown keys are ignored, blanks dropped. */
export function stateFromQuery(query) {
  const params = new URLSearchParams(query)
  const state = { q: '' }
  for (const key of stateKeys) {
    const value = (params.get(key) ?? '').trim()
    if (value) state[key] = value
  }
  return state
}

/** Write the search state as a query string (with `?`, or empty), keys in a fixed order so URLs are stable. */
export function queryFromState(state) {
  const params = new URLSearchParams()
  for (const key of stateKeys) {
    const value = (state[key] ?? '').trim()
    if (value) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Pagefind `filters` option for the state: one value per chosen filter. */
export function filtersFromState(state) {
  const filters = {}
  for (const key of filterKeys) {
    if (state[key]) filters[key] = state[key]
  }
  return filters
}

/** The fragment of a URL without `#`, or null when there is none. */
export function anchorOf(url) {
  const at = url.indexOf('#')
  return at === -1 ? null : decodeURIComponent(url.slice(at + 1))
}

/** The part kind an anchor belongs to: anchors start with the English kind, e.g. `plans-2-1` → `plans`. */
export function kindOfAnchor(anchor) {
  if (!anchor) return null
  const head = anchor.split('-')[0]
  return Object.hasOwn(kindLabels, head) ? head : null
}

/** Keep the sub-results inside the chosen part (anchor `kind` or `kind-…`); all of them when no kind is chosen. */
export function filterSubResults(subResults, kind) {
  if (!kind) return subResults
  return subResults.filter((sub) => kindOfAnchor(anchorOf(sub.url)) === kind)
}

/**
 * Merge Pagefind's per-word highlights into one: `<mark>营商</mark><mark>环境</mark>` → `<mark>营商环境</mark>`,
 * also across the space Pagefind leaves between segmented Chinese words; spaces between Latin words stay.
 */
export function mergeMarks(html) {
  return html.replace(/<\/mark>(\s*)<mark>/g, (whole, space, offset, text) => {
    if (!space) return ''
    const before = text.slice(0, offset)
    const after = text.slice(offset + whole.length)
    return isCjk(before.at(-1)) || isCjk(after.at(0)) ? '' : whole
  })
}

function isCjk(character) {
  return character !== undefined && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(character)
}

/** Open the primary bundle's instance and merge every other bundle listed in the manifest. */
export async function mergeShards(instance, manifest, siteBase) {
  const [, ...others] = manifest.shards
  for (const shard of others) {
    await instance.mergeIndex(siteBase + shard.path, { baseUrl: '/' })
  }
}

/**
 * Run a query and shape the first `limit` hits for display: same order and same fields in the browser and the CLI.
 * Pagefind splits a Chinese query into short words and matches each as a prefix (一网通办 → 一 + 网 + 通 + 办), so
 * it finds many pages without the phrase. Candidates are checked, in Pagefind's order, for every Chinese word of the
 * query as written; `total` counts the confirmed ones and is exact unless `approximate` (then it is Pagefind's count).
 * Returns `{ total, approximate, hits, filters }`; `filters` holds Pagefind's counts for the candidates.
 */
export async function runSearch(instance, state, limit = 20) {
  const term = (state.q ?? '').trim()
  // Pagefind counts filters in a response only once their chunks are loaded, which `filters()` does.
  await instance.filters()
  const response = await instance.search(term || null, { filters: filtersFromState(state) })
  if (!response) return null // superseded by a newer search
  const phrases = phrasesOf(term)
  const hits = []
  let confirmed = 0
  let checked = 0
  while (hits.length < limit && checked < response.results.length) {
    const batch = response.results.slice(checked, checked + limit)
    checked += batch.length
    for (const data of await Promise.all(batch.map((result) => result.data()))) {
      if (!containsPhrases(data.content ?? '', phrases)) continue
      confirmed += 1
      if (hits.length < limit) hits.push(shapeHit(data, state))
    }
  }
  const approximate = checked < response.results.length && phrases.length > 0
  const total = phrases.length === 0 ? response.results.length : approximate ? response.results.length : confirmed
  return { total, approximate, hits, filters: response.filters ?? {} }
}

/** The words of a query that hold two or more Chinese characters: these must appear as written. */
export function phrasesOf(term) {
  return term
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => [...word].length >= 2 && /\p{Script=Han}/u.test(word))
}

/** True when the page text holds every phrase, ignoring the spaces Pagefind inserts between segmented words. */
export function containsPhrases(content, phrases) {
  if (phrases.length === 0) return true
  const text = content.replace(/[\s\u200b]+/g, '')
  return phrases.every((phrase) => text.includes(phrase))
}

function shapeHit(data, state) {
  const term = (state.q ?? '').replace(/\s+/g, '')
  const subResults = filterSubResults(data.sub_results ?? [], state.kind)
    .filter((sub) => anchorOf(sub.url) !== null)
    .map((sub) => ({ url: sub.url, title: sub.title, kind: kindOfAnchor(anchorOf(sub.url)), excerpt: mergeMarks(sub.excerpt ?? '') }))
  // Pagefind splits Chinese queries into short words (普法 → 普 + 法), so sections holding the whole query come first.
  const ranked = [...subResults].sort((a, b) => Number(holdsTerm(b.excerpt, term)) - Number(holdsTerm(a.excerpt, term)))
  const exact = ranked.filter((sub) => holdsTerm(sub.excerpt, term))
  const pageExcerpt = mergeMarks(data.excerpt ?? '')
  const candidates = state.kind ? ranked.map((sub) => sub.excerpt) : [pageExcerpt, ...ranked.map((sub) => sub.excerpt)]
  return {
    url: data.url,
    title: data.meta?.title ?? data.url,
    agency: data.meta?.agency ?? '',
    year: data.meta?.year ?? '',
    published: data.meta?.published ?? '',
    kinds: [...new Set((exact.length > 0 ? exact : ranked).map((sub) => sub.kind).filter(Boolean))],
    excerpt: candidates.find((excerpt) => holdsTerm(excerpt, term)) ?? candidates[0] ?? pageExcerpt,
    sub_results: ranked,
  }
}

/** True when one highlight in the excerpt covers the whole query (spaces ignored). */
export function holdsTerm(excerpt, term) {
  if (!term) return false
  for (const match of excerpt.matchAll(/<mark>(.*?)<\/mark>/g)) {
    if ((match[1] ?? '').replace(/\s+/g, '').includes(term)) return true
  }
  return false
}

/** Add Pagefind's highlight parameter so the report page marks the query terms (before any `#anchor`). */
export function highlightUrl(url, term) {
  const words = (term ?? '').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return url
  const hashAt = url.indexOf('#')
  const path = hashAt === -1 ? url : url.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : url.slice(hashAt)
  const params = words.map((word) => `pagefind-highlight=${encodeURIComponent(word)}`).join('&')
  return `${path}${path.includes('?') ? '&' : '?'}${params}${hash}`
}
