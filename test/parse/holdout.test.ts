import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readReport } from '../../src/ingest/index.ts'
import { parseReport } from '../../src/parse/index.ts'
import type { Report } from '../../src/types.ts'
import { evaluateHoldout, holdoutFolder, type FixtureResult, type HoldoutTotals } from '../../src/evaluate/evaluate-holdout.ts'
import type { HoldoutExpectation } from '../../src/evaluate/holdout-types.ts'
import { readExpectedBody } from '../../src/evaluate/read-expected-body.ts'
import { scoreReport } from '../../src/evaluate/score-report.ts'

/** The second corpus, written after the parser was tuned on the first (test/holdout2). */
const secondFolder = path.join(path.dirname(holdoutFolder), 'holdout2')
/** The third corpus, untuned when first measured (test/holdout3). */
const thirdFolder = path.join(path.dirname(holdoutFolder), 'holdout3')
/** The fourth corpus, pages thick with government-site furniture (test/holdout4). */
const fourthFolder = path.join(path.dirname(holdoutFolder), 'holdout4')
/** The fifth corpus, long reports (4,000+ body characters) full of list and table traps (test/holdout5). */
const fifthFolder = path.join(path.dirname(holdoutFolder), 'holdout5')

/** The bar the parser must meet on reports it was not written against (see docs/parser-accuracy.md), on every corpus. */
describe.each([
  { corpus: 'the held-out corpus', folder: holdoutFolder, least: 16 },
  { corpus: 'the second held-out corpus', folder: secondFolder, least: 16 },
  { corpus: 'the third held-out corpus', folder: thirdFolder, least: 15 },
  { corpus: 'the fourth held-out corpus', folder: fourthFolder, least: 11 },
  { corpus: 'the fifth held-out corpus', folder: fifthFolder, least: 8 },
])('parser on $corpus', ({ folder, least }) => {
  let fixtures: FixtureResult[] = []
  let totals: HoldoutTotals
  beforeAll(async () => {
    ;({ fixtures, totals } = await evaluateHoldout(folder))
  })
  const failuresOf = (pick: (failure: string) => boolean): string =>
    fixtures.flatMap((fixture) => fixture.failures.filter(pick).map((failure) => `${fixture.file}: ${failure}`)).join('\n')

  it(`holds ${least} to 20 fixtures, each matching its expectation`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(least)
    expect(fixtures.length).toBeLessThanOrEqual(20)
    expect(fixtures.every((fixture) => fixture.bodyChars > 400)).toBe(true)
  })

  it('puts at least 95% of body characters under the right kind', () => {
    expect(totals.kindShare, failuresOf((failure) => failure.includes('classified as'))).toBeGreaterThanOrEqual(0.95)
  })

  it('gets at least 90% of metadata fields right', () => {
    expect(totals.metadataShare, failuresOf((failure) => failure.startsWith('metadata'))).toBeGreaterThanOrEqual(0.9)
  })

  it('leaves no page furniture in the sections', () => {
    expect(totals.furnitureLeft, failuresOf((failure) => failure.startsWith('furniture'))).toBe(0)
  })

  it('loses no body characters', () => {
    expect(totals.lostChars, failuresOf((failure) => failure.startsWith('lost'))).toBe(0)
  })
})

describe('scoreReport', () => {
  const name = '2021-jiangxi-province.txt'
  let expected: HoldoutExpectation
  let report: Report
  beforeAll(async () => {
    expected = JSON.parse(await readFile(path.join(holdoutFolder, '2021-jiangxi-province.expected.json'), 'utf8')) as HoldoutExpectation
    const raw = await readReport(path.join(holdoutFolder, name))
    const parsed = raw.value === null ? null : parseReport(raw.value).value
    if (parsed === null || parsed === undefined) throw new Error(`${name} did not parse`)
    report = parsed
  })
  const lines = async () => readExpectedBody(await readFile(path.join(holdoutFolder, name)), name, expected)

  it('counts a dropped paragraph as lost and a wrong kind as misplaced', async () => {
    const damaged = structuredClone(report)
    const plans = damaged.sections.find((section) => section.kind === 'plans')
    const shortcomings = damaged.sections.find((section) => section.kind === 'shortcomings')
    if (plans === undefined || shortcomings === undefined) throw new Error('expected plans and shortcomings parts')
    const dropped = shortcomings.paragraphs.splice(0, 1)[0] ?? ''
    plans.kind = 'other'
    const before = scoreReport(await lines(), expected, report)
    const after = scoreReport(await lines(), expected, damaged)
    expect(after.lostChars - before.lostChars).toBe(dropped.replace(/\s+/g, '').length)
    expect(after.rightKindChars).toBeLessThan(before.rightKindChars - dropped.length)
    expect(after.failures.some((failure) => failure.includes('classified as other; it should be plans'))).toBe(true)
  })

  it('counts furniture and extra characters added to a section', async () => {
    const padded = structuredClone(report)
    padded.sections[0]?.paragraphs.push('打印本页 关闭窗口')
    const score = scoreReport(await lines(), expected, padded)
    expect(score.furnitureLeft.map((entry) => entry.text)).toEqual(expect.arrayContaining(['打印本页', '关闭窗口']))
    expect(score.extraChars).toBeGreaterThanOrEqual(8)
  })

  it('scores every metadata field wrong when the parser gives no report', async () => {
    const score = scoreReport(await lines(), expected, null)
    expect(Object.values(score.metadata).every((field) => !field.right)).toBe(true)
    expect(score.lostChars).toBe(score.bodyChars)
  })
})
