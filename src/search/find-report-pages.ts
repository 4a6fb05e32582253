import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/** A built page that carries `data-pagefind-body`, with the year it reports on. */
export interface ReportPage {
  /** Path relative to the site folder, with `/` separators, e.g. `reports/2022/tianjin-zwfwb/index.html`. */
  file: string
  /** Year from the page's `year` filter or its `/reports/{year}/` path; null when neither says. */
  year: number | null
}

/** Bundles Pagefind writes itself; never index them. */
const skipped = /^pagefind(-[^/]+)?$/

/** List the pages of a built site that Pagefind should index (those marked `data-pagefind-body`), sorted by path. */
export async function findReportPages(siteDir: string): Promise<ReportPage[]> {
  const files = await listHtmlFiles(siteDir, '')
  const pages: ReportPage[] = []
  for (const file of files.sort()) {
    const html = await readFile(path.join(siteDir, file), 'utf8')
    if (!/\sdata-pagefind-body[\s=>]/.test(html)) continue
    pages.push({ file, year: readYear(html, file) })
  }
  return pages
}

/** Read the year from `data-pagefind-filter="year">2022<`, `data-pagefind-filter="year:2022"` or the path. */
export function readYear(html: string, file: string): number | null {
  const filter =
    /data-pagefind-filter=["']year:\s*(\d{4})["']/.exec(html) ??
    /data-pagefind-filter=["']year["'][^>]*>\s*(\d{4})\s*</.exec(html) ??
    /(?:^|\/)reports\/(\d{4})\//.exec(file)
  return filter?.[1] ? Number(filter[1]) : null
}

async function listHtmlFiles(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) {
      if (!dir && skipped.test(entry.name)) continue
      files.push(...(await listHtmlFiles(root, relative)))
    } else if (entry.isFile() && entry.name.endsWith('.html')) {
      files.push(relative)
    }
  }
  return files
}
