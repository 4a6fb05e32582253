// Landing on a report from a search result: highlight the query terms Pagefind put in `?pagefind-highlight=`.
// Loaded on report pages only; fetches Pagefind's highlighter only when there is something to highlight.
if (new URLSearchParams(location.search).has('pagefind-highlight')) {
  const { default: PagefindHighlight } = await import(new URL('../pagefind/pagefind-highlight.js', import.meta.url).href)
  // The text the index holds: the title and the sections (copy links and citation panels in them carry
  // `data-pagefind-ignore`, which the highlighter skips).
  new PagefindHighlight({ highlightParam: 'pagefind-highlight', markContext: '.report > h1, .report-body', addStyles: false })
  // mark.js marks synchronously: say so, for scripts and tests that wait for the marks.
  document.documentElement.dataset.highlight = 'done'
}
