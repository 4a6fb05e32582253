import { defineConfig } from 'vitest/config'
import type { Reporter, TestModule } from 'vitest/node'

/** Ends the run with a plain `N passed, N failed` line, which CI reads to count tests. */
const countLine: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state
        if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state] += 1
      }
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}\n`)
  },
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Eleventy loads `.eleventy.ts` and templates at run time, so workers need the tsx loader.
    execArgv: ['--import', 'tsx'],
    // Hang guards only: a Chromium test searches several times, and CI is a busy 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Site builds and Chromium are heavy; two cores.
    maxWorkers: 2,
    reporters: ['default', countLine],
  },
})
