import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eleventy } from '@11ty/eleventy'
import type { SiteData } from './view-types.ts'
import type { PageSelection } from './select-pages.ts'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Render `templates/` with Eleventy into `outDir`, the page data given as the `site` global. The paginated templates
 * (a page per report, agency, region, year…) render the items of `pages`: all of them by default, or only those an
 * incremental build chose (`selectPages`); the other templates (home, lists, quality) always render.
 */
export async function renderSite(site: SiteData, outDir: string, pathPrefix: string, pages: PageSelection = allPages(site)): Promise<void> {
  const eleventy = new Eleventy(path.join(projectRoot, 'templates'), outDir, {
    configPath: path.join(projectRoot, '.eleventy.ts'),
    pathPrefix,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('site', site)
      eleventyConfig.addGlobalData('pages', pages)
    },
  })
  // The build prints its own summary line; Eleventy's would be a second one. Its errors still throw.
  eleventy.disableLogger()
  await eleventy.write()
}

/** Every page of every paginated template. */
export function allPages(site: SiteData): PageSelection {
  return {
    reports: site.reports,
    agencies: site.agencies,
    regions: site.regions,
    years: site.years,
    yearKinds: site.yearKinds,
    redirects: site.redirects,
    removed: site.removed,
    reusePages: site.reusePages ?? [],
    repeatedPages: site.repeatedPages ?? [],
    changed: site.changed,
  }
}
