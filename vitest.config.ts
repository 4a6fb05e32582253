import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Eleventy loads `.eleventy.ts` and templates at run time, so workers need the tsx loader.
    execArgv: ['--import', 'tsx'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Site builds and Chromium are heavy; two cores.
    maxWorkers: 2,
  },
})
