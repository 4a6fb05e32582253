// Eleventy 3 ships JavaScript without type declarations; this declares the small surface the site stage uses.
declare module '@11ty/eleventy' {
  /** The subset of Eleventy's configuration API that `.eleventy.ts` and `buildSite` call. */
  export interface UserConfig {
    addFilter(name: string, filter: (...args: never[]) => unknown): void
    addGlobalData(name: string, value: unknown): void
    addPassthroughCopy(paths: Record<string, string> | string): void
    addPlugin(plugin: unknown, options?: Record<string, unknown>): void
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void
    setQuietMode(quiet: boolean): void
    addWatchTarget(path: string): void
    /** Globs (relative to the working folder) of input files Eleventy skips. */
    ignores: Set<string>
  }
  /** Options for the programmatic API. */
  export interface EleventyOptions {
    configPath?: string
    pathPrefix?: string
    quietMode?: boolean
    config?: (config: UserConfig) => void | Promise<void>
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions)
    write(): Promise<unknown>
    disableLogger(): void
  }
  export default Eleventy
  export const HtmlBasePlugin: unknown
}
