// Query logic shared by the search page (served as-is, no build step) and the offline CLI (imported by Node),
// so the two cannot drift: URL ↔ state, Pagefind filters, shard merging, kind filtering, excerpt marks.

/** Query-string keys, in the order URLs are written. */
export const stateKeys = ['q', 'year', 'kind', 'province', 'level', 'agency', 'sort']

/** Filter keys that map one-to-one to the pages' `data-pagefind-filter` names. */
export const filterKeys = ['year', 'kind', 'province', 'level', 'agency']

/** Chinese labels for the `level` filter values. */
export const levelLabels = { province: '省级', city: '市级', county: '县级', township: '乡镇', department: '部门', central: '中央部门' }

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
 * The shards of the manifest as search groups, newest first: one group per year (several bundles when a year is
 * large), then reports without a year. A bundle's pages carry the `group` filter with its group's key.
 * A manifest without groups (a plain `pagefind` run) is one group that needs no filter.
 */
export function groupsOf(manifest) {
  const groups = []
  for (const shard of manifest.shards ?? []) {
    const key = shard.group ?? null
    const last = groups.at(-1)
    if (last && last.key === key) last.paths.push(shard.path)
    else groups.push({ key, years: shard.years ?? [], paths: [shard.path] })
  }
  return groups
}

/** The manifest of a site without one (a plain `pagefind` run): its one bundle is the whole site, one group. */
export const singleBundle = { version: 2, shards: [{ path: 'pagefind/', years: [], pages: 0, group: null }] }

/** Options for every Pagefind instance, primary and merged: result URLs are site paths as indexed. */
export const pagefindOptions = { baseUrl: '/' }

/**
 * Open a site's bundles lazily: `pagefind` is the instance created on the primary bundle (`manifest.shards[0]`);
 * the others are merged when a search first reaches their group, so the first query reads the newest year only.
 */
export function openShards(pagefind, manifest, siteBase) {
  const groups = groupsOf(manifest)
  const primary = manifest.shards?.[0]?.path
  // One merge per bundle, shared: a search reaching a bundle the filter counts are already merging waits for that merge.
  const merges = new Map(primary ? [[primary, Promise.resolve()]] : [])
  const mergeOnce = (shard) => {
    if (!merges.has(shard)) merges.set(shard, pagefind.mergeIndex(siteBase + shard, pagefindOptions))
    return merges.get(shard)
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

/** Han characters: each becomes part of a two-character index word. */
const han = /\p{Script=Han}/u
/** Runs the index is built from: Han text, or letters and digits of other scripts. */
const runs = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu

/** Drop spaces next to Han characters (`法 治 政 府`, `2020 年`), as scraped reports often carry them. */
export function normaliseText(text) {
  return text.replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, '')
}

/**
 * A Han character as the four lowercase letters of its code point in base 26. Pagefind's query parser splits
 * Chinese with the browser's word segmenter, which would cut a two-character index word it does not know
 * (`政复`) in two; ASCII words pass through whole, and a fixed length keeps prefix matches exact.
 */
export function hanCode(character) {
  let code = hanCodes.get(character)
  if (code === undefined) {
    let number = character.codePointAt(0) ?? 0
    code = ''
    for (let digit = 0; digit < 4; digit += 1, number = Math.floor(number / 26)) code = String.fromCharCode(97 + (number % 26)) + code
    hanCodes.set(character, code)
  }
  return code
}

/** Codes already computed: a report uses a few thousand distinct characters, each thousands of times. */
const hanCodes = new Map()

/**
 * The index words of a text, in order: each Han character with the next (`营商 商环 环境`), the last of a run
 * alone (a one-character query matches it and every pair it starts, by prefix), other words in lower case.
 * The search page and the indexer share this, so a query's words are exactly those of the text holding it.
 * @example indexWords('营商环境 ISO') // [code(营商), code(商环), code(环境), code(境), 'iso']
 */
export function indexWords(text) {
  const words = []
  let pair = null // the code of the Han character before, while in a Han run
  let word = ''
  for (const character of normaliseText(text)) {
    const kind = kindOf(character)
    if (kind === 'han') {
      if (word) words.push(word.toLowerCase())
      word = ''
      const code = hanCode(character)
      if (pair !== null) words.push(pair + code)
      pair = code
      continue
    }
    if (pair !== null) words.push(pair)
    pair = null
    if (kind === 'word') word += character
    else if (word) {
      words.push(word.toLowerCase())
      word = ''
    }
  }
  if (pair !== null) words.push(pair)
  if (word) words.push(word.toLowerCase())
  return words
}

/** `han`, `word` (another letter or digit) or `other`, remembered per character (this runs on every character). */
function kindOf(character) {
  let kind = kinds.get(character)
  if (kind === undefined) {
    kind = han.test(character) ? 'han' : /[\p{L}\p{N}]/u.test(character) ? 'word' : 'other'
    kinds.set(character, kind)
  }
  return kind
}

const kinds = new Map()

/**
 * The words of a query as Pagefind should look them up. A word with Chinese in it is a phrase: it must appear as
 * written, so its tokens are its character pairs (`营商环境` → 营商 商环 环境, encoded); a lone character is looked
 * up alone, matching every pair it starts. Other words are plain terms.
 */
export function queryWordsOf(term) {
  return term
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .map((word) => {
      const tokens = [...word.matchAll(runs)].flatMap(([run]) => wordsOfRun(run, false))
      return { text: word, phrase: han.test(word), tokens: tokens.join(' ') }
    })
}

/**
 * How each index word of a query is looked up: a character pair exactly (`"…"`: Pagefind's plain search would
 * fall back to similar words when a pair is missing from a bundle); a lone character or a non-Han word by prefix.
 */
export function lookupsOf(words) {
  const lookups = new Map()
  for (const word of words) {
    for (const [run] of word.text.matchAll(runs)) {
      const pairs = han.test(run) && [...run].length > 1
      for (const token of wordsOfRun(run, false)) lookups.set(token, pairs ? `"${token}"` : token)
    }
  }
  return [...lookups.values()]
}

/**
 * The pages holding every index word of the query, most matched positions first (one search per word decides who
 * is in; one search with all of them gives the positions). Also the filter counts, each the smallest over the words: an upper
 * bound for pages holding all of them. Null when a newer search superseded this one.
 */
async function findCandidates(pagefind, words, filters) {
  const lookups = lookupsOf(words)
  if (lookups.length === 0) {
    const all = await pagefind.search(null, { filters })
    return all ? { results: all.results, counts: all.filters ?? {} } : null
  }
  let allowed = null
  let counts = null
  let last = []
  for (const lookup of lookups) {
    const found = await pagefind.search(lookup, { filters })
    if (!found) return null
    last = found.results
    const ids = new Set(found.results.map((result) => result.id))
    allowed = allowed === null ? ids : new Set([...allowed].filter((id) => ids.has(id)))
    counts = counts === null ? (found.filters ?? {}) : smallerCounts(counts, found.filters ?? {})
    if (allowed.size === 0) break
  }
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

/** A run's index words; the last Han character alone only when `lastAlone` or when the run is one character. */
function wordsOfRun(run, lastAlone) {
  if (!han.test(run)) return [run.toLowerCase()]
  const characters = [...run]
  const words = []
  for (let at = 0; at + 1 < characters.length; at += 1) words.push(hanCode(characters[at]) + hanCode(characters[at + 1]))
  if (lastAlone || characters.length === 1) words.push(hanCode(characters.at(-1)))
  return words
}

/**
 * Run a query and shape the first `limit` hits for display: same order and same fields in the browser and the CLI.
 * Default order is by year, newest first, then by how often a page uses the query's words (`byOccurrences`), so the
 * first query reads one year's bundle; `state.sort === 'relevance'` ranks across all years (every bundle is loaded). Candidates hold every
 * character pair of each phrase; a hit is shown only once its text holds each phrase as written.
 * Options: `counts: false` stops at the first group that fills `limit` (the page's first query: `complete` is then
 * false and `total` counts only the groups searched) and fetches no filter chunk beyond those the search needs.
 * Returns `{ total, approximate, complete, hits, filters }`; `filters` counts the pages found per filter value.
 */
export async function runSearch(shards, state, limit = 20, { counts = true } = {}) {
  const { pagefind } = shards
  const words = queryWordsOf((state.q ?? '').trim())
  const phrases = words.filter((word) => word.phrase).map((word) => word.text)
  const needles = words.map((word) => word.text)
  const filters = filtersFromState(state)
  const counted = counts ? await countResults(shards, state) : { filters: {} }
  if (!counted) return null
  const whole = state.sort === 'relevance' || shards.groups.every((group) => group.key === null)
  const groups = whole ? [null] : shards.groups.filter((group) => !state.year || group.years.map(String).includes(state.year))
  const hits = []
  let total = 0
  let rejected = 0
  let unchecked = 0
  let searched = 0
  for (const group of groups) {
    if (hits.length >= limit && !counts) break
    await (group ? shards.load(group) : shards.loadAll())
    const response = await findCandidates(pagefind, words, group?.key ? { ...filters, group: group.key } : filters)
    if (!response) return null // superseded by a newer search
    searched += 1
    total += response.results.length
    let checked = 0
    while (hits.length < limit && checked < response.results.length) {
      const batch = response.results.slice(checked, checked + limit - hits.length)
      checked += batch.length
      for (const data of await Promise.all(batch.map((result) => result.data()))) {
        // With a part chosen, the phrases must be in a section of that part, not just somewhere in the report.
        const hit = containsPhrases(data.raw_content ?? data.content ?? '', phrases) ? shapeHit(data, needles, state) : null
        if (hit && (!state.kind || phrases.length === 0 || hit.sub_results.length > 0)) hits.push(hit)
        else rejected += 1
      }
    }
    unchecked += response.results.length - checked
  }
  return {
    total: total - rejected,
    approximate: rejected > 0 && unchecked > 0,
    complete: searched === groups.length,
    hits,
    filters: counted.filters,
  }
}

/**
 * The whole count and the filter counts for a query (every filter value, as the filter menus show them): loads every
 * bundle and all filter chunks, then repeats the query's look-ups; no fragment is read. Null when superseded.
 */
export async function countResults(shards, state) {
  const { pagefind } = shards
  await shards.loadAll()
  await pagefind.filters()
  const response = await findCandidates(pagefind, queryWordsOf((state.q ?? '').trim()), filtersFromState(state))
  if (!response) return null
  const filters = { ...response.counts }
  delete filters.group
  return { total: response.results.length, filters }
}

/** The words of a query that hold Chinese: these must appear as written. */
export function phrasesOf(term) {
  return queryWordsOf(term)
    .filter((word) => word.phrase)
    .map((word) => word.text)
}

/** Separator between the blocks (headings, paragraphs, cells) of the text stored for each page. */
export const blockBreak = '\u200b'

/**
 * True when one block of the page text holds each phrase, spaces next to Han characters ignored. Blocks are
 * separated by `blockBreak`, as the index's character pairs never span two blocks.
 */
export function containsPhrases(content, phrases) {
  if (phrases.length === 0) return true
  const blocks = content.split(blockBreak).map(normaliseText)
  return phrases.every((phrase) => blocks.some((block) => block.includes(phrase)))
}

/**
 * A hit for display: the sections holding the query's words (phrases as written, other words in any case), each
 * with an excerpt, best covered first; without words, the report's opening lines and no sections.
 */
function shapeHit(data, needles, state) {
  const meta = data.meta ?? {}
  const sections = sectionsOf(data)
  const found = sections
    .map((section) => ({ section, spans: findSpans(section.text, needles) }))
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
  const blocks = (data.raw_content ?? data.content ?? '').split(blockBreak).map((block) => normaliseText(block.replace(/&lt;/g, '<').replace(/&gt;/g, '>')))
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

/** Where each needle occurs in the text (letters in any case), in order; overlapping spans are kept apart for counting. */
function findSpans(text, needles) {
  const spans = []
  const folded = text.toLowerCase()
  for (const needle of needles) {
    const sought = needle.toLowerCase()
    for (let at = folded.indexOf(sought); at !== -1; at = folded.indexOf(sought, at + 1)) spans.push({ phrase: needle, start: at, end: at + sought.length })
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
