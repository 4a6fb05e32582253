// Test helper: writes report pages in the shape agreed with the site (see docs/search.md), so the index and
// CLI can be tested without waiting for a full Eleventy build.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** One section of a fixture page. */
export interface PageSection {
  anchor: string
  kind: string
  heading: string
  paragraphs: string[]
}

/** A fixture report page. */
export interface PageSpec {
  year: number
  slug: string
  title: string
  agency: string
  province: string
  level: string
  published: string
  sections: PageSection[]
}

/** Render a report page the way the site's report layout does: body, filters, meta, sort, heading ids. */
export function makeReportPage(spec: PageSpec): string {
  const kinds = [...new Set(spec.sections.map((section) => section.kind))]
  const sections = spec.sections
    .map(
      (section) =>
        `<section data-kind="${escape(section.kind)}"><h2 id="${escape(section.anchor)}">${escape(section.heading)}</h2>` +
        section.paragraphs.map((text) => `<p>${escape(text)}</p>`).join('') +
        '</section>',
    )
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(spec.title)} · 法治报告库</title></head>
<body><header><form role="search" action="/search/" method="get"><input type="search" name="q"></form></header>
<main><article data-pagefind-body>
<h1 data-pagefind-meta="title">${escape(spec.title)}</h1>
<p><span data-pagefind-meta="agency">${escape(spec.agency)}</span> · <span data-pagefind-meta="year">${spec.year}</span>
· <time data-pagefind-meta="published" data-pagefind-sort="published">${escape(spec.published)}</time></p>
<div hidden data-pagefind-ignore>
<span data-pagefind-filter="year">${spec.year}</span><span data-pagefind-filter="province">${escape(spec.province)}</span>
<span data-pagefind-filter="level">${escape(spec.level)}</span><span data-pagefind-filter="agency">${escape(spec.agency)}</span>
${kinds.map((kind) => `<span data-pagefind-filter="kind">${escape(kind)}</span>`).join('')}
</div>
${sections}
</article></main></body></html>
`
}

/** Write pages under `siteDir/reports/{year}/{slug}/index.html`, plus (unless `listing` is false) an unindexed listing page. */
export async function writeReportPages(siteDir: string, specs: PageSpec[], listing = true): Promise<void> {
  for (const spec of specs) {
    const folder = path.join(siteDir, 'reports', String(spec.year), spec.slug)
    await mkdir(folder, { recursive: true })
    await writeFile(path.join(folder, 'index.html'), makeReportPage(spec))
  }
  if (!listing) return
  await writeFile(path.join(siteDir, 'index.html'), '<!doctype html><html lang="zh-CN"><body><h1>法治报告库</h1><p>营商环境 普法</p></body></html>')
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
