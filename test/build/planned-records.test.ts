import { describe, expect, it } from 'vitest'
import { runCommand } from '../run-script.ts'

describe('plannedReportOf', () => {
  // What a new V8 could change: if the first fails, every report's plan record carries a hidden class of its own.
  it('makes records of one hidden class, where a spread first makes many', async () => {
    const run = await runCommand(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', 'test/build/fixtures/planned-records.ts'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ records: 40, plannedShared: 40, spreadShared: true })
  })
})
