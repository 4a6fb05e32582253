import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Eleventy } from '@11ty/eleventy'
import type { SiteData } from './view-types.ts'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Render `templates/` with Eleventy into `outDir`, the page data given as the `site` global. */
export async function renderSite(site: SiteData, outDir: string, pathPrefix: string): Promise<void> {
  const eleventy = new Eleventy(path.join(projectRoot, 'templates'), outDir, {
    configPath: path.join(projectRoot, '.eleventy.ts'),
    pathPrefix,
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('site', site)
    },
  })
  // The build prints its own summary line; Eleventy's would be a second one. Its errors still throw.
  eleventy.disableLogger()
  await eleventy.write()
}
