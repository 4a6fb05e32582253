/** The title and whether it was composed rather than read. */
export interface FoundTitle {
  title: string
  titleInferred: boolean
}

const reportTitle = /报告|法治政府|法治建设/
const siteSeparator = /\s*(?:[_｜|]|\s[-—–]\s|——|[-—–](?=[^-—–]*(?:网|政府|门户|网站|平台)\s*$))\s*/

/**
 * The title as written; else a page title that reads like a report title, less its site-name suffix; else one
 * composed from agency and year: 天津市武清区人民政府2020年度法治政府建设情况报告.
 */
export function findTitle(input: {
  override: string | undefined
  title: string | null
  hint: string | undefined
  agency: string | null
  year: number | null
}): FoundTitle {
  const written = (input.override ?? input.title ?? '').replace(/\s+/g, ' ').trim()
  if (written !== '') return { title: written, titleInferred: false }
  const fromHint = input.hint === undefined ? null : cleanHintTitle(input.hint)
  if (fromHint !== null) return { title: fromHint, titleInferred: false }
  const year = input.year === null ? '' : `${input.year}年度`
  return { title: `${input.agency ?? ''}${year}法治政府建设情况报告`, titleInferred: true }
}

/** A page `<title>` without the site name (`…报告_天津市人民政府`, `…报告-某某政府网`), when it names a report. */
export function cleanHintTitle(hint: string): string | null {
  const parts = hint
    .split(siteSeparator)
    .map((part) => part.trim())
    .filter((part) => part !== '')
  const title = parts.find((part) => reportTitle.test(part) && /报告/.test(part)) ?? parts.find((part) => reportTitle.test(part))
  return title ?? null
}

/** The site name a page title ends with (`…_天津市人民政府` → 天津市人民政府), or null. */
export function findHintSite(hint: string): string | null {
  const parts = hint
    .split(siteSeparator)
    .map((part) => part.trim())
    .filter((part) => part !== '')
  const last = parts.at(-1)
  return parts.length > 1 && last !== undefined && !reportTitle.test(last) ? last : null
}
