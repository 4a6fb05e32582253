// The /search/ page: a custom Pagefind UI. Plain ES module served as-is; the query logic lives in
// search.core.js so the offline CLI runs exactly the same searches.
import {
  countResults,
  filterKeys,
  filterLabel,
  highlightUrl,
  kindLabels,
  levelLabels,
  openBundles,
  pagefindOptions,
  queryFromState,
  runSearch,
  singleBundle,
  stateFromQuery,
  unknownValue,
} from './search.core.js'

const pageSize = 10
const root = document.querySelector('[data-search]')
const base = root.dataset.base || '/'
const form = root.querySelector('form')
const input = form.elements.namedItem('q')
const status = root.querySelector('#search-status')
const list = root.querySelector('#search-results')
const more = root.querySelector('.search-more')
const selects = Object.fromEntries(filterKeys.map((key) => [key, form.elements.namedItem(key)]))
const sortSelect = form.elements.namedItem('sort')

/** The site's bundles: the newest year's is opened first, older ones when a search reaches them. */
let bundles = null
let allFilters = {}
/** Filter chunks grow with the archive (one `agency` value per body), so they load after the first results. */
let filtersLoaded = null
let limit = pageSize
let generation = 0
let typingTimer = 0

root.querySelector('[data-search-nojs]').hidden = true
root.querySelector('.search-filters').hidden = false
start().catch((error) => {
  status.textContent = '搜索索引加载失败，请稍后重试。'
  root.dataset.state = 'error'
  console.error(error)
})

async function start() {
  applyState(stateFromQuery(location.search))
  markState('loading', stateFromForm())
  status.textContent = '正在加载搜索索引…'
  // The runtime, its index entry and the manifest load side by side: each is one round trip the first query waits for.
  const [pagefind, manifest] = await Promise.all([
    import(`${base}pagefind/pagefind.js`).then(async (runtime) => {
      await runtime.options(pagefindOptions)
      void runtime.init()
      return runtime
    }),
    fetch(`${base}pagefind-shards.json`).then(
      (response) => (response.ok ? response.json() : singleBundle),
      () => singleBundle,
    ),
  ])
  bundles = openBundles(pagefind, manifest, base)
  fillFilters(allFilters, stateFromForm())
  // Someone reaching for a filter menu before searching gets the values (and counts) then.
  root.querySelector('.search-filters').addEventListener('focusin', () => void loadFilters().then(() => refreshCounts(stateFromForm())))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    commit('push')
  })
  input.addEventListener('input', () => {
    clearTimeout(typingTimer)
    typingTimer = setTimeout(() => commit('replace'), 300)
  })
  for (const select of [...Object.values(selects), sortSelect]) select.addEventListener('change', () => commit('push'))
  more.addEventListener('click', () => {
    limit += pageSize
    search(stateFromForm(), { keepFocus: true })
  })
  window.addEventListener('popstate', () => {
    applyState(stateFromQuery(location.search))
    search(stateFromForm())
  })
  await search(stateFromForm())
}

/** Put the form's state in the URL (a new history entry unless the user is still typing) and search. */
function commit(mode) {
  clearTimeout(typingTimer)
  const state = stateFromForm()
  const url = `${location.pathname}${queryFromState(state)}`
  if (url !== `${location.pathname}${location.search}`) {
    history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url)
  }
  limit = pageSize
  search(state)
}

async function search(state, { keepFocus = false } = {}) {
  const current = ++generation
  const hasFilter = filterKeys.some((key) => state[key])
  if (!state.q && !hasFilter) {
    list.replaceChildren()
    more.hidden = true
    status.textContent = '请输入关键词，或选择筛选条件浏览报告。'
    fillFilters(allFilters, state)
    markState('done', state)
    return
  }
  markState('searching', state)
  status.textContent = '正在搜索…'
  // Results first, from the newest year on until the page is full; the other years, the whole count and the
  // filter counts follow, so the first query fetches only what its hits need.
  const found = await runSearch(bundles, state, limit, { counts: false })
  if (!found || current !== generation) return
  renderResults(found, state)
  markState('shown', state)
  if (keepFocus) list.children[limit - pageSize]?.querySelector('a')?.focus()
  await loadFilters()
  if (current === generation) await refreshCounts(state, current, found)
  if (current === generation) markState('done', state)
}

/**
 * Say on the page what it is doing, for scripts and tests that must wait for it rather than guess:
 * `data-state` is `loading`, `searching`, `shown` (hits listed, counts to come), `done` or `error`, and `data-query` the
 * query string of the search it describes.
 */
function markState(phase, state) {
  root.dataset.query = queryFromState(state)
  root.dataset.state = phase
}

/** Load every bundle and every filter value once (all their chunks); later calls wait for the same load. */
function loadFilters() {
  filtersLoaded ??= bundles
    .loadAll()
    .then(() => bundles.pagefind.filters())
    .then((filters) => {
      delete filters.group
      allFilters = filters
    })
  return filtersLoaded
}

/**
 * Fill the menus with this query's counts (all pages' counts without a query), unless a newer search started;
 * when the first results came from the newest years only, give the whole count too.
 */
async function refreshCounts(state, current = generation, found = null) {
  const counted = state.q || filterKeys.some((key) => state[key]) ? await countResults(bundles, state) : { filters: allFilters }
  if (!counted || current !== generation) return
  fillFilters(counted.filters, state)
  if (found && !found.complete && found.total > 0) {
    status.textContent = `找到${counted.approximate ? '约 ' : ' '}${counted.total} 篇报告${counted.approximate ? '（最多）' : ''}，按年度和发布日期从新到旧显示前 ${found.hits.length} 篇。`
  }
}

function renderResults(found, state) {
  const hasFilter = filterKeys.some((key) => state[key])
  if (found.total === 0) {
    list.replaceChildren()
    more.hidden = true
    status.replaceChildren(`没有找到结果${state.q ? `：“${state.q}”` : ''}。`)
    if (hasFilter) {
      const link = element('a', {}, '去掉筛选条件重新搜索')
      link.href = `${location.pathname}${queryFromState({ q: state.q })}`
      status.append('可以', link, '。')
    } else {
      status.append('请换一个关键词试试。')
    }
    return
  }
  if (found.complete) {
    status.textContent = `找到${found.approximate ? '约 ' : ' '}${found.total} 篇报告${found.approximate ? '（最多）' : ''}${found.total > found.hits.length ? `，显示前 ${found.hits.length} 篇` : ''}。`
  } else {
    // A lower bound: when candidates may not hold the words, only the hits checked so far are sure.
    const atLeast = found.approximate ? found.hits.length : found.total
    status.textContent = `找到 ${atLeast} 篇以上报告，按年度和发布日期从新到旧显示前 ${found.hits.length} 篇；正在统计全部结果…`
  }
  list.replaceChildren(...found.hits.map((hit) => renderHit(hit, state)))
  more.hidden = !(found.approximate || !found.complete || found.total > found.hits.length)
}

function renderHit(hit, state) {
  const item = element('li', { class: 'search-hit' })
  const title = element('h2', { class: 'search-hit-title' })
  const link = element('a', {}, hit.title)
  link.href = highlightUrl(hit.sub_results[0] && state.kind ? hit.sub_results[0].url : hit.url, state.q)
  title.append(link)
  const meta = element('p', { class: 'search-hit-meta' })
  for (const text of [hit.agency, hit.year && `${hit.year}年度`, hit.published && `发布于 ${hit.published}`]) {
    if (text) meta.append(element('span', {}, text))
  }
  for (const kind of hit.kinds.slice(0, 3)) meta.append(element('span', { class: 'search-badge', 'data-kind': kind }, kindLabels[kind]))
  const excerpt = element('p', { class: 'search-hit-excerpt' })
  appendExcerpt(excerpt, hit.excerpt)
  item.append(title, meta, excerpt)
  if (hit.sub_results.length > 0) {
    const sections = element('ul', { class: 'search-hit-sections', 'aria-label': '匹配的章节' })
    for (const sub of hit.sub_results.slice(0, 5)) {
      const subLink = element('a', {}, sub.title)
      subLink.href = highlightUrl(sub.url, state.q)
      const entry = element('li')
      if (sub.kind) entry.append(element('span', { class: 'search-badge', 'data-kind': sub.kind }, kindLabels[sub.kind]))
      entry.append(subLink)
      sections.append(entry)
    }
    item.append(sections)
  }
  return item
}

/** Copy an excerpt's text and its <mark>s only; everything else from the report stays text. */
function appendExcerpt(target, html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html')
  for (const node of doc.body.firstChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') target.append(element('mark', {}, node.textContent))
    else target.append(node.textContent)
  }
}

function stateFromForm() {
  const state = { q: input.value.trim() }
  for (const key of filterKeys) if (selects[key].value) state[key] = selects[key].value
  if (sortSelect.value) state.sort = sortSelect.value
  return state
}

function applyState(state) {
  input.value = state.q ?? ''
  sortSelect.value = state.sort === 'relevance' ? 'relevance' : ''
  for (const key of filterKeys) {
    const select = selects[key]
    const value = state[key] ?? ''
    if (value && ![...select.options].some((option) => option.value === value)) select.append(new Option(value, value))
    select.value = value
  }
}

/** Fill the filter menus with Chinese labels and counts; a chosen value always stays available. */
function fillFilters(counts, state) {
  for (const key of filterKeys) {
    const select = selects[key]
    const known = allFilters[key] ?? {}
    const values = orderValues(key, Object.keys(known))
    const chosen = state[key] ?? ''
    if (chosen && !values.includes(chosen)) values.unshift(chosen)
    const first = select.options[0]
    const options = values.map((value) => {
      const count = counts[key]?.[value] ?? 0
      const option = new Option(`${filterLabel(key, value)}（${count}）`, value)
      option.disabled = count === 0 && value !== chosen
      return option
    })
    select.replaceChildren(first, ...options)
    select.value = chosen
  }
}

/** Menu order: years newest first, kinds and levels as listed, other values by name; 未知 always last. */
function orderValues(key, values) {
  const known = values.filter((value) => value !== unknownValue)
  const tail = known.length < values.length ? [unknownValue] : []
  if (key === 'year') return [...known.sort((a, b) => Number(b) - Number(a)), ...tail]
  if (key === 'kind') return Object.keys(kindLabels).filter((kind) => values.includes(kind))
  if (key === 'level') return Object.keys(levelLabels).filter((level) => values.includes(level))
  return [...known.sort((a, b) => a.localeCompare(b, 'zh-CN')), ...tail]
}

function element(name, attributes = {}, text) {
  const node = document.createElement(name)
  for (const [attribute, value] of Object.entries(attributes)) node.setAttribute(attribute, value)
  if (text !== undefined) node.textContent = text
  return node
}
