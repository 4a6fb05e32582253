import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy'
import * as filters from './src/site/filters/index.ts'
import { readMembersOnce } from './src/site/nunjucks-patch/read-members-once.ts'
import { reuseNunjucksCompiles } from './src/site/nunjucks-patch/reuse-nunjucks-compiles.ts'

/** Wire templates, filters and assets; the report data comes from `buildSite` as the `site` global. */
export default function configure(eleventyConfig: UserConfig): void {
  // Eleventy 3.1 recompiles a paginated template for every page it writes.
  reuseNunjucksCompiles()
  // Nunjucks reads `a.b` twice: the page data's getters (sections, side-by-side entries) would run twice a page.
  readMembersOnce()
  // Filters
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter)
  // Plugins: prefix every URL in the HTML output with pathPrefix (`--path-prefix`).
  eleventyConfig.addPlugin(HtmlBasePlugin)
  // Assets
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' })
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false })
}

export const config = {
  // No `output` here: it would override the folder `buildSite` passes (`--out`).
  dir: { input: 'templates', includes: '_includes', data: '_data' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
}
