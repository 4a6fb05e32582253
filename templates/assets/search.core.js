// Query logic shared by the search page (served as-is, no build step) and the offline CLI (imported by Node),
// so the two cannot drift: URL ↔ state, Pagefind filters, bundle merging, folding, kind filtering, excerpt marks.
import { levelLabels } from './levels.js'
import { traditionalPairs } from './search.fold.js'

/** Query-string keys, in the order URLs are written. */
export const stateKeys = ['q', 'year', 'kind', 'province', 'level', 'agency', 'sort']

/** Filter keys that map one-to-one to the pages' `data-pagefind-filter` names. */
export const filterKeys = ['year', 'kind', 'province', 'level', 'agency']

export { levelLabels }

/** The filter value of a report whose year, or whose region, is unknown (labelled 年度未知, 地区未知). */
export const unknownValue = 'unknown'

/**
 * The Chinese label of a filter value, as the menus and the CLI show it.
 * @example filterLabel('level', 'city') // '市级'
 */
export function filterLabel(key, value) {
  if (key === 'kind') return kindLabels[value] ?? value
  if (key === 'level') return levelLabels[value] ?? value
  if (key === 'year') return value === unknownValue ? '年度未知' : `${value}年度`
  if (key === 'province' && value === unknownValue) return '地区未知'
  return value
}

/** True when a search group holds reports of the chosen year (`unknownValue`: the reports without one). */
function holdsYear(group, year) {
  return year === unknownValue ? group.years.length === 0 : group.years.map(String).includes(year)
}

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
 * The manifest's bundles (its `shards` entries) as search groups, in the order the search reads them: newest first,
 * a group per part of a year (`planBundles`), then reports without a year; consecutive bundles of one group (a site
 * built before parts were groups) make one group. A bundle's pages carry the `group` filter with its group's key.
 * A manifest without groups (a plain `pagefind` run) is one group that needs no filter.
 */
export function groupsOf(manifest) {
  const groups = []
  for (const bundle of manifest.shards ?? []) {
    const key = bundle.group ?? null
    const last = groups.at(-1)
    if (last && last.key === key) last.paths.push(bundle.path)
    else groups.push({ key, years: bundle.years ?? [], paths: [bundle.path] })
  }
  return groups
}

/** The manifest of a site without one (a plain `pagefind` run): its one bundle is the whole site, one group. */
export const singleBundle = { version: 2, shards: [{ path: 'pagefind/', years: [], pages: 0, group: null }] }

/** Options for every Pagefind instance, primary and merged: result URLs are site paths as indexed. */
export const pagefindOptions = { baseUrl: '/' }

/**
 * Open a site's bundles lazily: `pagefind` is the instance created on the primary bundle (`manifest.shards[0]`);
 * the others are merged when a search first reaches their group, so the first query reads the newest part of the
 * newest year, and further parts only while it has too few hits.
 */
export function openBundles(pagefind, manifest, siteBase) {
  const groups = groupsOf(manifest)
  const primary = manifest.shards?.[0]?.path
  // One merge per bundle, shared: a search reaching a bundle the filter counts are already merging waits for that merge.
  const merges = new Map(primary ? [[primary, Promise.resolve()]] : [])
  const mergeOnce = (folder) => {
    if (!merges.has(folder)) merges.set(folder, pagefind.mergeIndex(siteBase + folder, pagefindOptions))
    return merges.get(folder)
  }
  // Merges start in manifest order (Pagefind lists results by instance), then run side by side.
  const load = async (group) => {
    await Promise.all(group.paths.map(mergeOnce))
  }
  return {
    pagefind,
    groups,
    load,
    loadAll: async () => {
      await Promise.all(groups.map(load))
    },
  }
}

/** Characters the index and the query keep ("units"): letters (Han included) and digits, after folding. */
const unitPattern = /[\p{L}\p{N}]/u

/** Traditional → simplified, one character each (OpenCC's table, generated into search.fold.js). */
const simplifiedOf = new Map()
for (let at = 0; at < traditionalPairs.length; ) {
  const from = String.fromCodePoint(traditionalPairs.codePointAt(at) ?? 0)
  at += from.length
  const to = String.fromCodePoint(traditionalPairs.codePointAt(at) ?? 0)
  at += to.length
  simplifiedOf.set(from, to)
}

/** Folded characters already computed: a report uses a few thousand distinct characters, each many times. */
const foldedCharacters = new Map()

/**
 * A character as the search compares it: width and compatibility forms unified (NFKC), traditional made simplified
 * (OpenCC), letters in lower case; '' for punctuation, spaces and symbols, which the search ignores.
 * @example [...'羅〔２０１９〕A'].map(foldCharacter).join('') // '罗2019a'
 */
export function foldCharacter(character) {
  let folded = foldedCharacters.get(character)
  if (folded === undefined) {
    folded = ''
    for (const part of character.normalize('NFKC').toLowerCase()) {
      const simple = simplifiedOf.get(part) ?? part
      if (unitPattern.test(simple)) folded += simple
    }
    foldedCharacters.set(character, folded)
  }
  return folded
}

/**
 * A text folded for comparison (`foldCharacter`), line breaks kept: they end a block, and no phrase crosses one.
 * @example foldText('纲要（2021—2025年）') // '纲要20212025年'
 */
export function foldText(text) {
  let folded = ''
  for (const character of text) folded += character === '\n' ? '\n' : foldCharacter(character)
  return folded
}

/** A folded text with, for each of its code units, where the character it came from starts and ends in `text`. */
function foldWithPositions(text) {
  let folded = ''
  const starts = []
  const ends = []
  let at = 0
  for (const character of text) {
    const part = character === '\n' ? '\n' : foldCharacter(character)
    folded += part
    for (let unit = 0; unit < part.length; unit += 1) {
      starts.push(at)
      ends.push(at + character.length)
    }
    at += character.length
  }
  return { folded, starts, ends }
}

/** Drop spaces next to Han characters (`法 治 政 府`, `2020 年`) in text shown to people, as scraped reports often carry them. */
export function normaliseText(text) {
  return text.replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, '')
}

/**
 * A unit (a folded character) as the four lowercase letters of its code point in base 26. Pagefind's query parser
 * splits Chinese with the browser's word segmenter, which would cut a two-character index word it does not know
 * (`政复`) in two; ASCII words pass through whole, and a fixed length keeps prefix matches exact.
 */
export function unitCode(unit) {
  return pointCode(unit.codePointAt(0) ?? 0)
}

/** `unitCode` of a unit given as its code point (the indexer counts units as numbers). */
export function pointCode(point) {
  let code = unitCodes.get(point)
  if (code === undefined) {
    code = ''
    for (let digit = 0, number = point; digit < 4; digit += 1, number = Math.floor(number / 26)) code = String.fromCharCode(97 + (number % 26)) + code
    unitCodes.set(point, code)
  }
  return code
}

const unitCodes = new Map()

/**
 * The index words of one block of text: the text is folded to its units (`foldCharacter`: punctuation and spaces
 * dropped, simplified, NFKC, lower case), each unit written with the next (`营商 商环 环境`), then each unit alone (a
 * one-unit query looks its code up exactly: a prefix search would need every pair the unit starts in the one word
 * chunk Pagefind loads for it). The search page and the indexer share this, so a query's words are exactly those of
 * the text holding it.
 * @example indexWords('營商環境') // [code(营商), code(商环), code(环境), code(营), code(商), code(环), code(境)]
 */
export function indexWords(text) {
  const units = [...foldText(text).replace(/\n/g, '')]
  const words = pairWords(units)
  for (const unit of units) words.push(unitCode(unit))
  return words
}

/** Each unit's code with the next one's. */
function pairWords(units) {
  const words = []
  for (let at = 0; at + 1 < units.length; at += 1) words.push(unitCode(units[at]) + unitCode(units[at + 1]))
  return words
}

/** Most pairs of one query word looked up: a pasted sentence needs only some to find its candidates. */
const lookupsPerWord = 12

/**
 * The words of a query: split at spaces of any kind (each word must occur: AND), each folded. A word is a phrase:
 * it must appear in one block of the text as folded (punctuation, spaces, script and width ignored). `tokens` are its
 * index words, `units` its length in units; words that fold to nothing (punctuation only) are dropped.
 */
export function queryWordsOf(term) {
  return term
    .split(/\s+/)
    .map((text) => ({ text, folded: foldText(text).replace(/\n/g, '') }))
    .filter((word) => word.folded)
    .map((word) => {
      const units = [...word.folded]
      const tokens = units.length === 1 ? [unitCode(units[0])] : pairWords(units)
      return { ...word, phrase: true, units: units.length, tokens: tokens.join(' ') }
    })
}

/**
 * True when a page found by the index words of `words` may still not hold them: the index shows a word's pairs, not
 * that they are adjacent, so a word of three or more units can be in a page's pairs without being in its text;
 * pairs of a long word are only sampled; and a chosen part (`kind`) needs the words in a section of that part.
 */
export function candidatesMayMiss(words, state) {
  return Boolean(state.kind) || words.some((word) => word.units > 2)
}

/**
 * How each index word of a query is looked up: exactly (`"…"`: Pagefind's plain search would fall back to similar
 * words when one is missing from a bundle), a pair or, for a one-unit word, the unit alone. A long word is looked up by `lookupsPerWord` of its
 * pairs, spread over it: the candidates still hold every page with the word, and each shown hit is checked.
 */
export function lookupsOf(words) {
  const lookups = new Map()
  for (const word of words) {
    const tokens = word.tokens.split(' ')
    if (word.units === 1) {
      lookups.set(tokens[0], `"${tokens[0]}"`)
      continue
    }
    const step = Math.max(1, (tokens.length - 1) / (lookupsPerWord - 1))
    for (let at = 0; at < tokens.length; at += step) {
      const token = tokens[Math.round(at)]
      lookups.set(token, `"${token}"`)
    }
    lookups.set(tokens.at(-1), `"${tokens.at(-1)}"`)
  }
  return [...lookups.values()]
}

/**
 * The sort key every indexed page carries: its place in its bundle, newest published first (`planBundles` orders a
 * bundle's pages so). Searching with it lists a bundle's hits in that order.
 */
export const newestSort = 'newest'

/**
 * The pages holding every index word of the query (one search per word decides who is in), in `order`: `newest`,
 * the bundle's own order (newest published first), `relevance`, most matched positions first (one more search with
 * all the words gives the positions), or `any` (for counting). Also the filter counts, each the smallest over the
 * words: an upper bound for pages holding all of them. Null when a newer search superseded this one.
 */
async function findCandidates(pagefind, words, filters, order) {
  const lookups = lookupsOf(words)
  const options = order === 'newest' ? { filters, sort: { [newestSort]: 'asc' } } : { filters }
  if (lookups.length === 0) {
    const all = await pagefind.search(null, options)
    return all ? { results: all.results, counts: all.filters ?? {} } : null
  }
  let allowed = null
  let counts = null
  let last = []
  for (const lookup of lookups) {
    const found = await pagefind.search(lookup, options)
    if (!found) return null
    last = found.results
    const ids = new Set(found.results.map((result) => result.id))
    allowed = allowed === null ? ids : new Set([...allowed].filter((id) => ids.has(id)))
    counts = counts === null ? (found.filters ?? {}) : smallerCounts(counts, found.filters ?? {})
    if (allowed.size === 0) break
  }
  if (order !== 'relevance') return { results: last.filter((result) => allowed.has(result.id)), counts: counts ?? {} }
  if (lookups.length === 1) return { results: byOccurrences(last), counts: counts ?? {} }
  const ranked = await pagefind.search(lookups.map((lookup) => lookup.replace(/"/g, '')).join(' '), { filters })
  if (!ranked) return null
  return { results: byOccurrences(ranked.results.filter((result) => allowed.has(result.id))), counts: counts ?? {} }
}

/**
 * Most matched positions first, Pagefind's order among equals. A page holds each word 1 + log2(count) times, so
 * this ranks by how often the page uses the query's words, the same in every bundle (Pagefind's own scores weigh
 * words by their rarity in the bundle, and bundles differ).
 */
function byOccurrences(results) {
  return results
    .map((result, order) => ({ result, order, count: (result.words ?? []).length }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ result }) => result)
}

/** Per filter value, the smaller of two counts. */
function smallerCounts(a, b) {
  const out = {}
  for (const [key, values] of Object.entries(a)) {
    out[key] = {}
    for (const [value, count] of Object.entries(values)) out[key][value] = Math.min(count, b[key]?.[value] ?? 0)
  }
  return out
}

/**
 * Run a query and shape the first `limit` hits for display: same order and same fields in the browser and the CLI.
 * Default order is newest first: by year, then by publication date (undated last), one group (a part of a year, in
 * that order) at a time, so the first query reads the newest part of the newest year and stops once it has `limit` hits;
 * `state.sort === 'relevance'` ranks by how often a page uses the query's words (`byOccurrences`) across all years
 * (every bundle is loaded). Candidates hold every
 * character pair of each phrase; a hit is shown only once its text holds each phrase as written.
 * Options: `counts: false` stops at the first group that fills `limit` (the page's first query: `complete` is then
 * false and `total` counts only the groups searched) and fetches no filter chunk beyond those the search needs.
 * Returns `{ total, approximate, complete, hits, filters }`; `filters` counts the pages found per filter value.
 */
export async function runSearch(bundles, state, limit = 20, { counts = true } = {}) {
  const { pagefind } = bundles
  const words = queryWordsOf((state.q ?? '').trim())
  const phrases = words.map((word) => word.folded)
  const filters = filtersFromState(state)
  const counted = counts ? await countResults(bundles, state) : { filters: {} }
  if (!counted) return null
  const whole = state.sort === 'relevance' || bundles.groups.every((group) => group.key === null)
  const groups = whole ? [null] : bundles.groups.filter((group) => !state.year || holdsYear(group, state.year))
  const hits = []
  let total = 0
  let rejected = 0
  let unchecked = 0
  let searched = 0
  let ahead = 1
  for (const [position, group] of groups.entries()) {
    if (hits.length >= limit && !counts) break
    await (group ? bundles.load(group) : bundles.loadAll())
    const response = await findCandidates(pagefind, words, group?.key ? { ...filters, group: group.key } : filters, state.sort === 'relevance' ? 'relevance' : 'newest')
    if (!response) return null // superseded by a newer search
    // Too few candidates here to fill the page: the next groups will be read anyway, so merge them while this
    // group's hits are fetched and checked, twice as many each time (a rare query reaches a hundred parts in
    // seven rounds of requests, not a hundred: a search fetches the chunks of every merged bundle at once).
    if (hits.length + response.results.length < limit) {
      for (const next of groups.slice(position + 1, position + 1 + ahead)) void bundles.load(next)
      ahead *= 2
    }
    searched += 1
    total += response.results.length
    let checked = 0
    while (hits.length < limit && checked < response.results.length) {
      const batch = response.results.slice(checked, checked + limit - hits.length)
      checked += batch.length
      for (const data of await Promise.all(batch.map((result) => result.data()))) {
        // With a part chosen, the phrases must be in a section of that part, not just somewhere in the report.
        const hit = containsPhrases(data.raw_content ?? data.content ?? '', phrases) ? shapeHit(data, phrases, state) : null
        if (hit && (!state.kind || phrases.length === 0 || hit.sub_results.length > 0)) hits.push(hit)
        else rejected += 1
      }
    }
    unchecked += response.results.length - checked
  }
  return {
    total: total - rejected,
    approximate: unchecked > 0 && candidatesMayMiss(words, state),
    complete: searched === groups.length,
    hits,
    filters: counted.filters,
  }
}

/**
 * The whole count and the filter counts for a query (every filter value, as the filter menus show them): loads every
 * bundle and all filter chunks, then repeats the query's look-ups; no fragment is read. Null when superseded.
 */
export async function countResults(bundles, state) {
  const { pagefind } = bundles
  await bundles.loadAll()
  await pagefind.filters()
  const words = queryWordsOf((state.q ?? '').trim())
  const response = await findCandidates(pagefind, words, filtersFromState(state), 'any')
  if (!response) return null
  const filters = { ...response.counts }
  delete filters.group
  const total = response.results.length
  return { total, approximate: total > 0 && candidatesMayMiss(words, state), filters }
}

/** The words of a query as they must appear in a block of the folded text (`foldText`). */
export function phrasesOf(term) {
  return queryWordsOf(term).map((word) => word.folded)
}

/** The stored text as written: Pagefind escapes `<` and `>` in the content it returns. */
function unescapeContent(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
}

/** Separator between the blocks (headings, paragraphs, cells) of the text stored for each page. */
export const blockBreak = '\u200b'

/**
 * True when one block of the page text, folded (`foldText`), holds each folded phrase. Blocks are separated by
 * `blockBreak`, as the index's pairs never span two blocks.
 */
export function containsPhrases(content, phrases) {
  if (phrases.length === 0) return true
  const blocks = content.split(blockBreak).map((block) => foldText(unescapeContent(block)).replace(/\n/g, ''))
  return phrases.every((phrase) => blocks.some((block) => block.includes(phrase)))
}

/**
 * A hit for display: the sections holding the query's folded words (see `findSpans`), each
 * with an excerpt, best covered first; without words, the report's opening lines and no sections.
 */
function shapeHit(data, phrases, state) {
  const meta = data.meta ?? {}
  const sections = sectionsOf(data)
  const found = sections
    .map((section) => ({ section, spans: findSpans(section.text, phrases) }))
    .filter(({ spans }) => spans.length > 0)
  const linked = found
    .filter(({ section }) => section.id !== null)
    .map(({ section, spans }) => ({
      url: `${data.url.replace(/#.*$/, '')}#${section.id}`,
      title: section.title,
      kind: kindOfAnchor(section.id),
      excerpt: cutExcerpt(section.text, spans),
      covered: new Set(spans.map((span) => span.phrase)).size,
    }))
  const subResults = filterSubResults(linked, state.kind)
    .map((sub, order) => ({ sub, order }))
    .sort((a, b) => b.sub.covered - a.sub.covered || a.order - b.order)
    .map(({ sub: { covered, ...sub } }) => sub)
  // Without a match, the report's first paragraph of some length (not its title or a heading).
  const paragraph = sections.flatMap((section) => section.text.split('\n')).find((block) => block.length >= 30) ?? sections[0]?.text ?? ''
  // The excerpt comes from the first section holding the most of the query's words.
  const covering = (entry) => new Set(entry.spans.map((span) => span.phrase)).size
  const best = found.reduce((a, b) => (covering(b) > covering(a) ? b : a), found[0])
  const opening = best ?? { section: { text: paragraph }, spans: [] }
  return {
    url: data.url,
    title: meta.title ?? data.url,
    agency: meta.agency ?? '',
    year: meta.year ?? '',
    published: meta.published ?? '',
    kinds: [...new Set(subResults.map((sub) => sub.kind).filter(Boolean))],
    excerpt: state.kind && subResults[0] ? subResults[0].excerpt : cutExcerpt(opening.section.text, opening.spans),
    sub_results: subResults,
  }
}

/**
 * The page text cut at its headings, as Pagefind cuts sub-results: each heading with an id starts a section that
 * runs to the next one; text before the first has id null. Positions are block numbers (see `blockBreak`); a
 * section's blocks are joined by line breaks, which no phrase crosses.
 */
function sectionsOf(data) {
  const blocks = (data.raw_content ?? data.content ?? '').split(blockBreak).map((block) => normaliseText(unescapeContent(block)))
  const anchors = (data.anchors ?? [])
    .filter((anchor) => /h\d/i.test(anchor.element) && anchor.id && /\S/.test(anchor.text ?? ''))
    .sort((a, b) => a.location - b.location)
  const starts = [{ id: null, title: '', location: 0 }, ...anchors.map((anchor) => ({ id: anchor.id, title: anchor.text, location: anchor.location }))]
  return starts
    .map((start, index) => {
      const end = starts[index + 1]?.location ?? blocks.length
      return { id: start.id, title: start.title, text: blocks.slice(start.location, end).join('\n') }
    })
    .filter((section) => section.text.length > 0)
}

/**
 * Where each folded phrase occurs in the text as written (compared folded: `foldText`), in order, from its first
 * character to its last; overlapping spans are kept apart for counting.
 */
function findSpans(text, phrases) {
  const spans = []
  const { folded, starts, ends } = foldWithPositions(text)
  for (const phrase of phrases) {
    for (let at = folded.indexOf(phrase); at !== -1; at = folded.indexOf(phrase, at + 1)) {
      spans.push({ phrase, start: starts[at], end: ends[at + phrase.length - 1] })
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Characters of context shown before the first match, and the excerpt's length. */
const excerptLead = 24
const excerptSize = 80

/**
 * An escaped excerpt of `text` around its first span, every span inside it in one `<mark>`; it stays inside the
 * block (paragraph, heading) holding that span, so no heading runs into a paragraph.
 */
function cutExcerpt(text, spans) {
  const first = spans[0]
  const blockStart = first ? text.lastIndexOf('\n', first.start - 1) + 1 : 0
  const blockEnd = first ? (text.indexOf('\n', first.end) + 1 || text.length + 1) - 1 : (text.indexOf('\n') + 1 || text.length + 1) - 1
  const start = Math.max(blockStart, (first?.start ?? 0) - excerptLead)
  const end = Math.min(blockEnd, start + excerptSize)
  let html = start > blockStart ? '…' : ''
  let at = start
  for (const span of mergeSpans(spans)) {
    if (span.end <= start || span.start >= end) continue
    const from = Math.max(span.start, at)
    html += escapeHtml(text.slice(at, from)) + `<mark>${escapeHtml(text.slice(from, Math.min(span.end, end)))}</mark>`
    at = Math.min(span.end, end)
  }
  return html + escapeHtml(text.slice(at, end)) + (end < blockEnd ? '…' : '')
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

/** True when one highlight in the excerpt covers the whole query, both folded (`foldText`). */
export function holdsTerm(excerpt, term) {
  const sought = foldText(term ?? '').replace(/\n/g, '')
  if (!sought) return false
  for (const match of excerpt.matchAll(/<mark>(.*?)<\/mark>/g)) {
    if (foldText(match[1] ?? '').includes(sought)) return true
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
