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

/** Boundaries the index splits words at: around every Han character (also between `2020` and `年`). */
const hanBoundary = /(?<=\p{Script=Han})(?=[\p{Script=Han}0-9A-Za-z])|(?<=[0-9A-Za-z])(?=\p{Script=Han})/gu

/** Split text into the words the index holds: each Han character its own word, joined by `separator`. */
export function splitHan(text, separator) {
  return text.replace(hanBoundary, separator)
}

/**
 * The words of a query as Pagefind should look them up. A word with Chinese in it is a phrase: its characters are
 * looked up one by one (`营商环境` → `营 商 环 境`) and must appear together, in order; other words are plain terms.
 */
export function queryWordsOf(term) {
  return term
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .map((word) => ({ text: word, phrase: /\p{Script=Han}/u.test(word), tokens: splitHan(word, ' ') }))
}

/**
 * Run a query and shape the first `limit` hits for display: same order and same fields in the browser and the CLI.
 * The index holds every Han character as a word (see src/search/segment-page.ts), so Pagefind's exact search
 * (`"营 商 环 境"`) finds exactly the pages holding each phrase, whatever a word segmenter would have made of them;
 * pages are ranked by how often they hold the rarest character of each phrase, and sections and excerpts are cut
 * from the page text.
 * Options: `counts: false` fetches no filter chunk beyond those the chosen filters need (the page's first query,
 * whose counts come later from `countFilters`) and leaves `filters` empty; `frequent` is the manifest's
 * `frequent` characters, most frequent first (without it every character of a phrase is looked up to rank).
 * Returns `{ total, approximate, hits, filters }`; `filters` counts the pages found per filter value.
 */
export async function runSearch(instance, state, limit = 20, { counts = true, frequent = '' } = {}) {
  const found = await findPages(instance, state, counts, frequent)
  if (!found) return null // superseded by a newer search
  const { candidates, phrases } = found
  const hits = []
  let checked = 0
  let rejected = 0
  while (hits.length < limit && checked < candidates.length) {
    const batch = candidates.slice(checked, checked + limit - hits.length)
    checked += batch.length
    for (const data of await Promise.all(batch.map((result) => result.data()))) {
      // Exact search may join words across two blocks (end of a heading + start of a paragraph); the text decides.
      // With a part chosen, the phrases must be in a section of that part, not just somewhere in the report.
      const hit = containsPhrases(data.content ?? '', phrases) ? shapeHit(data, phrases, state) : null
      if (hit && (!state.kind || phrases.length === 0 || hit.sub_results.length > 0)) hits.push(hit)
      else rejected += 1
    }
  }
  return { total: candidates.length - rejected, approximate: rejected > 0 && checked < candidates.length, hits, filters: counts ? found.counts : {} }
}

/**
 * Filter counts for a query (every filter value, as the filter menus show them): loads all filter chunks, then
 * repeats the query's index look-ups, which are in memory by then; no fragment is read. Null when superseded.
 */
export async function countFilters(instance, state, { frequent = '' } = {}) {
  const found = await findPages(instance, state, true, frequent)
  return found ? found.counts : null
}

/**
 * The pages a query matches, ranked, before any fragment is read; with `counts`, filter counts as well.
 * One exact search per phrase decides which pages match (cheap: Pagefind returns one position per page).
 * Ranking needs occurrence counts, and a plain search returns every position of every word it is given: for
 * 行 政 复 议 执 法 that is ~130 positions per page, seconds at 10,000 pages. So only the rarest character of each
 * phrase is looked up (议, 执): its count tracks the phrase's, at a fraction of the cost.
 */
async function findPages(instance, state, counts, frequent) {
  const words = queryWordsOf((state.q ?? '').trim())
  const filters = filtersFromState(state)
  // Pagefind counts filters in a response only once their chunks are loaded, which `filters()` does.
  if (counts) await instance.filters()
  const phrases = words.filter((word) => word.phrase)
  const plain = words.filter((word) => !word.phrase).map((word) => word.tokens)
  if (phrases.length === 0) {
    const ranked = await instance.search(plain.length > 0 ? plain.join(' ') : null, { filters })
    return ranked ? { candidates: ranked.results, phrases: [], counts: ranked.filters ?? {} } : null
  }
  let allowed = null
  let found = {}
  for (const [position, phrase] of phrases.entries()) {
    const exact = await instance.search(`"${phrase.tokens}"`, { filters })
    if (!exact) return null
    const ids = new Set(exact.results.map((result) => result.id))
    allowed = allowed === null ? ids : new Set([...allowed].filter((id) => ids.has(id)))
    found = position === 0 ? (exact.filters ?? {}) : smallerCounts(found, exact.filters ?? {})
  }
  const ranking = [...new Set(phrases.flatMap((phrase) => rarestOf(phrase.text, frequent)))]
  // Words without Chinese must be present too; the plain search requires every word it is given.
  const ranked = await instance.search([...ranking, ...plain].join(' '), { filters })
  if (!ranked) return null
  if (plain.length > 0) found = smallerCounts(found, ranked.filters ?? {})
  const matching = ranked.results.filter((result) => allowed.has(result.id))
  const candidates = matching
    .map((result, order) => ({ result, order, count: (result.words ?? []).length }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ result }) => result)
  return { candidates, phrases: phrases.map((phrase) => phrase.text), counts: found }
}

/**
 * The character of a phrase with the fewest postings: the one latest in (or missing from) the `frequent` list.
 * Without a list, every character, so the ranking reads them all. Returns the words to look up.
 */
export function rarestOf(phrase, frequent) {
  const characters = phrase.match(/\p{Script=Han}/gu) ?? []
  if (!frequent) return [...new Set(characters)]
  let rarest = null
  let rank = -1
  for (const character of characters) {
    const at = frequent.indexOf(character)
    const position = at === -1 ? Number.POSITIVE_INFINITY : at
    if (position > rank) {
      rarest = character
      rank = position
    }
  }
  return rarest === null ? [] : [rarest]
}

/** Per filter value, the smaller of two counts: an upper bound for pages matching both phrases. */
function smallerCounts(a, b) {
  const out = {}
  for (const [key, values] of Object.entries(a)) {
    out[key] = {}
    for (const [value, count] of Object.entries(values)) out[key][value] = Math.min(count, b[key]?.[value] ?? 0)
  }
  return out
}

/** The words of a query that hold Chinese: these must appear as written. */
export function phrasesOf(term) {
  return queryWordsOf(term)
    .filter((word) => word.phrase)
    .map((word) => word.text)
}

/** True when the page text holds every phrase, ignoring spaces and the word breaks of the index. */
export function containsPhrases(content, phrases) {
  if (phrases.length === 0) return true
  const text = content.replace(/[\s\u200b]+/g, '')
  return phrases.every((phrase) => text.includes(phrase))
}

function shapeHit(data, phrases, state) {
  const meta = data.meta ?? {}
  const hit = {
    url: data.url,
    title: unbreak(meta.title ?? data.url),
    agency: unbreak(meta.agency ?? ''),
    year: meta.year ?? '',
    published: meta.published ?? '',
  }
  if (phrases.length === 0) return { ...hit, ...pagefindSections(data, state) }
  const sections = sectionsOf(data)
  const found = sections
    .map((section) => ({ section, spans: findSpans(section.text, phrases) }))
    .filter(({ spans }) => spans.length > 0)
  const linked = found
    .filter(({ section }) => section.id !== null)
    .map(({ section, spans }) => ({
      url: `${data.url.replace(/#.*$/, '')}#${section.id}`,
      title: unbreak(section.title),
      kind: kindOfAnchor(section.id),
      excerpt: cutExcerpt(section.text, spans),
      covered: new Set(spans.map((span) => span.phrase)).size,
    }))
  const subResults = filterSubResults(linked, state.kind)
    .map((sub, order) => ({ sub, order }))
    .sort((a, b) => b.sub.covered - a.sub.covered || a.order - b.order)
    .map(({ sub: { covered, ...sub } }) => sub)
  const first = found[0]
  const pageExcerpt = first ? cutExcerpt(first.section.text, first.spans) : escapeHtml(unbreak(data.excerpt ?? '').replace(/<\/?mark>/g, ''))
  return {
    ...hit,
    kinds: [...new Set(subResults.map((sub) => sub.kind).filter(Boolean))],
    excerpt: state.kind && subResults[0] ? subResults[0].excerpt : pageExcerpt,
    sub_results: subResults,
  }
}

/** Query without Chinese (or no query): Pagefind's own sections and excerpts, word breaks removed. */
function pagefindSections(data, state) {
  const subResults = filterSubResults(data.sub_results ?? [], state.kind)
    .filter((sub) => anchorOf(sub.url) !== null)
    .map((sub) => ({ url: sub.url, title: unbreak(sub.title), kind: kindOfAnchor(anchorOf(sub.url)), excerpt: mergeMarks(unbreak(sub.excerpt ?? '')) }))
  return {
    kinds: [...new Set(subResults.map((sub) => sub.kind).filter(Boolean))],
    excerpt: state.kind && subResults[0] ? subResults[0].excerpt : mergeMarks(unbreak(data.excerpt ?? '')),
    sub_results: subResults,
  }
}

/**
 * The page text cut at its headings, as Pagefind cuts sub-results: each heading with an id starts a section that
 * runs to the next one; text before the first has id null. Positions are Pagefind's word numbers.
 */
function sectionsOf(data) {
  const words = (data.raw_content ?? data.content ?? '').split('\u200b').map((word) => word.replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
  const anchors = (data.anchors ?? [])
    .filter((anchor) => /h\d/i.test(anchor.element) && anchor.id && /\S/.test(anchor.text ?? ''))
    .sort((a, b) => a.location - b.location)
  const starts = [{ id: null, title: '', location: 0 }, ...anchors.map((anchor) => ({ id: anchor.id, title: anchor.text, location: anchor.location }))]
  return starts
    .map((start, index) => {
      const end = starts[index + 1]?.location ?? words.length
      return { id: start.id, title: start.title, text: words.slice(start.location, end).join('') }
    })
    .filter((section) => section.text.length > 0)
}

/** Where each phrase occurs in the text, in order; overlapping spans are kept apart for counting. */
function findSpans(text, phrases) {
  const spans = []
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) spans.push({ phrase, start: at, end: at + phrase.length })
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Characters of context shown before the first match, and the excerpt's length. */
const excerptLead = 24
const excerptSize = 80

/** An escaped excerpt of `text` around its first span, every span inside it in one `<mark>`. */
function cutExcerpt(text, spans) {
  const first = spans[0]
  const start = Math.max(0, (first?.start ?? 0) - excerptLead)
  const end = Math.min(text.length, start + excerptSize)
  let html = start > 0 ? '…' : ''
  let at = start
  for (const span of mergeSpans(spans)) {
    if (span.end <= start || span.start >= end) continue
    const from = Math.max(span.start, at)
    html += escapeHtml(text.slice(at, from)) + `<mark>${escapeHtml(text.slice(from, Math.min(span.end, end)))}</mark>`
    at = Math.min(span.end, end)
  }
  return html + escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '')
}

function mergeSpans(spans) {
  const merged = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ start: span.start, end: span.end })
  }
  return merged
}

/** Remove the index's word breaks from text shown to people. */
export function unbreak(text) {
  return text.replace(/\u200b/g, '')
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
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
