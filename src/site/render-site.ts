import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eleventy } from '@11ty/eleventy'
import type { SiteData } from './view-types.ts'
import type { PageSelection } from './select-pages.ts'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const templatesDir = path.join(projectRoot, 'templates')

/** Paginated pages Eleventy renders in one run (see `renderSite`), counted in report pages (`pageWeights`). */
export const pagesPerRun = 2000

/**
 * What one page of a template weighs in a run, in report pages (~38 KB), where it is far from one: a run is cut by
 * what Eleventy holds until it ends, not by how many pages. A part page shows one part of up to 100 reports
 * (`reportsPerPartPage`, ~0.6 MB): at 100,000 reports a run of 2,000 of them grew the heap by 2.3 GB, a run of
 * 2,000 report pages by ~0.3 GB.
 */
export const pageWeights: Readonly<Partial<Record<keyof PageSelection, number>>> = { yearKinds: 16 }

/**
 * Render `templates/` with Eleventy into `outDir`, the page data given as the `site` global. The paginated templates
 * (a page per report, agency, region, year…) render the items of `pages`: all of them by default, or only those an
 * incremental build chose (`selectPages`); the other templates (home, lists, quality) render once, except those named
 * in `unchanged` (template files whose page an incremental build found unchanged, `digestSingletons`).
 *
 * Eleventy keeps every page it renders in memory until its run ends (each page's content without and with its
 * layout), so the pages are rendered in runs weighing at most `perRun` report pages (`pageWeights`): memory follows
 * the run, not the site (at 10,000 reports one run grew the process to 2.2 GB). Runs after the first skip the
 * templates that are not paginated.
 */
export async function renderSite(site: SiteData, outDir: string, pathPrefix: string, pages: PageSelection = allPages(site), options: RenderRuns = {}): Promise<void> {
  const singletons = await unpaginatedTemplates()
  const skipped = singletons.filter((name) => options.unchanged?.has(name))
  const runs = splitSelection(pages, options.perRun ?? pagesPerRun)
  // With more than one run, the other templates get a run of their own, first: the largest of them (the home page,
  // the quality page's summary) beside a full run of report pages made the render's largest moment when the quality
  // page listed every report to check (47 MB at 100,000 reports).
  if (runs.length > 1) runs.unshift(emptySelection())
  for (const [index, run] of runs.entries()) {
    await runEleventy(site, outDir, pathPrefix, run, index === 0 ? skipped : singletons)
    options.afterRun?.()
  }
}

/** How `renderSite` cuts its pages into Eleventy runs, and what happens between them. */
export interface RenderRuns {
  /** What a run may weigh, in report pages (`pageWeights`). Default `pagesPerRun`. */
  perRun?: number
  /** Template files not to render (their page is unchanged). Default none. */
  unchanged?: ReadonlySet<string>
  /** Called after each run, its pages written (the build collects the run's garbage). */
  afterRun?: () => void
}

/** Every page of every paginated template. */
export function allPages(site: SiteData): PageSelection {
  return {
    reports: site.reports,
    agencies: site.agencies,
    regions: site.regions,
    years: site.years,
    yearKinds: site.yearKinds,
    yearProvinces: site.yearProvinces,
    agencyProvinces: site.agencyProvinces,
    redirects: site.redirects,
    removed: site.removed,
    reusePages: site.reusePages ?? [],
    repeatedPages: site.repeatedPages ?? [],
    changed: site.changed,
    qualityPages: site.quality.pages,
  }
}

/** One Eleventy run over `pages`, leaving out the templates named in `skip` (file names in `templates/`). */
async function runEleventy(site: SiteData, outDir: string, pathPrefix: string, pages: PageSelection, skip: readonly string[]): Promise<void> {
  const eleventy = new Eleventy(templatesDir, outDir, {
    configPath: path.join(projectRoot, '.eleventy.ts'),
    pathPrefix,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('site', site)
      eleventyConfig.addGlobalData('pages', pages)
      // Eleventy reads ignores relative to the working folder.
      for (const name of skip) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(templatesDir, name)))
    },
  })
  // The build prints its own summary line; Eleventy's would be a second one. Its errors still throw.
  eleventy.disableLogger()
  await eleventy.write()
}

/**
 * The selection cut into runs weighing at most `size` (`pageWeights`; a heavier page still gets a run), in template
 * order; always at least one run.
 */
export function splitSelection(pages: PageSelection, size: number): PageSelection[] {
  const runs: PageSelection[] = []
  let run = emptySelection()
  let weight = 0
  for (const key of Object.keys(pages) as (keyof PageSelection)[]) {
    const each = pageWeights[key] ?? 1
    for (const item of pages[key]) {
      if (weight > 0 && weight + each > size) {
        runs.push(run)
        run = emptySelection()
        weight = 0
      }
      // Each key holds its own item type; a run's list for a key only ever receives that key's items.
      ;(run[key] as unknown[]).push(item)
      weight += each
    }
  }
  runs.push(run)
  return runs
}

/** A selection of no pages. */
export function emptySelection(): PageSelection {
  return { reports: [], agencies: [], regions: [], years: [], yearKinds: [], yearProvinces: [], agencyProvinces: [], redirects: [], removed: [], reusePages: [], repeatedPages: [], changed: [], qualityPages: [] }
}

/** Templates without `pagination` in their front matter: the home page, lists, quality, search, about, 404. */
async function unpaginatedTemplates(): Promise<string[]> {
  const names = (await readdir(templatesDir)).filter((name) => name.endsWith('.njk')).sort()
  const sources = await Promise.all(names.map((name) => readFile(path.join(templatesDir, name), 'utf8')))
  return names.filter((_, index) => !/^pagination:/m.test(/^---\n([\s\S]*?)\n---/.exec(sources[index] ?? '')?.[1] ?? ''))
}
