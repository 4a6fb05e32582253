import { beforeAll, describe, expect, it } from 'vitest'
import { evaluateOpenings, openingChecks, type OpeningResult, type OpeningTotals } from '../../src/evaluate/evaluate-openings.ts'

/**
 * The bar on the 60 real report openings in test/real-openings (copied unedited from ../shared/real-openings, with the
 * experts' labels): see docs/parser-accuracy.md for the figures per check and the labels we doubt.
 */
describe('parser on the real report openings', () => {
  let results: OpeningResult[] = []
  let totals: OpeningTotals
  beforeAll(async () => {
    ;({ results, totals } = await evaluateOpenings())
  }, 120_000)
  const failuresOf = (check?: string): string =>
    results.flatMap((result) => Object.entries(result.checks)
      .filter(([name, value]) => !value.right && (check === undefined ? (openingChecks as readonly string[]).includes(name) : name === check))
      .map(([name, value]) => `${result.file} ${name}: found ${value.found}, expected ${value.expected}`)).join('\n')

  it('reads all 60 labelled openings', () => {
    expect(results).toHaveLength(60)
  })

  it('gets at least 97% of the label checks right (year, published, agency, first heading, first part)', () => {
    expect(totals.share, failuresOf()).toBeGreaterThanOrEqual(0.97)
  })

  it('holds the measured figures per check', () => {
    const right = Object.fromEntries(openingChecks.map((check) => [check, totals.perCheck[check].right]))
    // Measured at the end of issue 10; a drop below any of them is a regression.
    expect(right.year, failuresOf('year')).toBeGreaterThanOrEqual(59)
    expect(right.published, failuresOf('published')).toBeGreaterThanOrEqual(60)
    expect(right.agency, failuresOf('agency')).toBeGreaterThanOrEqual(57)
    expect(right.firstHeading, failuresOf('firstHeading')).toBeGreaterThanOrEqual(60)
    expect(right.firstPartKind, failuresOf('firstPartKind')).toBeGreaterThanOrEqual(60)
  })

  it('gives central bodies the level central and no region', () => {
    const central = results.filter((result) => result.checks.level?.expected === 'central')
    expect(central.map((result) => result.file)).toEqual(['48.txt', '56.txt', '80.txt'])
    expect(central.every((result) => result.checks.level?.right && result.checks.region?.right)).toBe(true)
  })

  it('leaves no page furniture in the sections', () => {
    expect(results.flatMap((result) => result.furniture.map((text) => `${result.file}: ${text}`))).toEqual([])
  })
})
