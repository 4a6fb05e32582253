import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatMessage } from '../messages.ts'
import { readReport } from '../ingest/index.ts'
import { parseReport } from '../parse/index.ts'
import type { Report } from '../types.ts'
import type { HoldoutExpectation } from './holdout-types.ts'
import { readExpectedBody } from './read-expected-body.ts'
import { metadataFields, scoreReport, type ReportScore } from './score-report.ts'

/** The held-out corpus shipped beside this file. */
export const holdoutFolder = fileURLToPath(new URL('../../test/holdout', import.meta.url))

/** One fixture's figures. */
export interface FixtureResult extends ReportScore {
  /** Fixture file name. */
  file: string
  /** Format and encoding the ingest stage reported, e.g. `txt/gb18030`. */
  read: string
  /** Metadata fields right. */
  metadataRight: number
  /** Warnings and errors the ingest and parse stages gave, as `[ruleId] reason`. */
  warnings: string[]
  /** Id the parser gave the report, or null when it gave none. */
  id: string | null
}

/** Figures over the whole corpus. */
export interface HoldoutTotals {
  fixtures: number
  bodyChars: number
  rightKindChars: number
  /** rightKindChars / bodyChars. */
  kindShare: number
  headings: number
  headingsFound: number
  metadataRight: number
  metadataTotal: number
  /** metadataRight / metadataTotal. */
  metadataShare: number
  furnitureLeft: number
  lostChars: number
  extraChars: number
  warnings: number
}

/** Parse every fixture in `folder` (files with a sibling `NAME.expected.json`) with the real stages and score it. */
export async function evaluateHoldout(folder = holdoutFolder): Promise<{ fixtures: FixtureResult[]; totals: HoldoutTotals }> {
  const names = (await readdir(folder)).sort()
  const sources = names.filter((name) => !name.endsWith('.json') && !name.endsWith('.ts') && !name.endsWith('.meta.yml') &&
    names.includes(`${name.slice(0, name.length - path.extname(name).length)}.expected.json`))
  const fixtures: FixtureResult[] = []
  for (const name of sources) fixtures.push(await evaluateFixture(folder, name))
  return { fixtures, totals: sumUp(fixtures) }
}

/** Read, parse and score one fixture. */
async function evaluateFixture(folder: string, name: string): Promise<FixtureResult> {
  const file = path.join(folder, name)
  const stem = name.slice(0, name.length - path.extname(name).length)
  const expected = JSON.parse(await readFile(path.join(folder, `${stem}.expected.json`), 'utf8')) as HoldoutExpectation
  const lines = readExpectedBody(await readFile(file), name, expected)
  checkFurnitureIsNotBody(name, expected, lines.map((line) => line.text).join(''))
  const read = await readReport(file, { root: folder })
  const parsed = read.value === null ? null : parseReport(read.value)
  const report: Report | null = parsed?.value ?? null
  const messages = [...read.messages, ...(parsed?.messages ?? [])]
  const score = scoreReport(lines, expected, report)
  if (report === null) score.failures.unshift(`not parsed: ${messages.map((message) => message.reason).join('; ')}`)
  return {
    file: name,
    read: read.value === null ? 'unread' : `${read.value.format}/${read.value.encoding}`,
    ...score,
    metadataRight: metadataFields.filter((field) => score.metadata[field].right).length,
    warnings: messages.map(formatMessage),
    id: report?.id ?? null,
  }
}

/** A furniture string that also occurs in the body would make the furniture count meaningless. */
function checkFurnitureIsNotBody(name: string, expected: HoldoutExpectation, body: string): void {
  const squeeze = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '')
  const clash = expected.furniture.filter((text) => squeeze(body).includes(squeeze(text)))
  if (clash.length > 0) throw new Error(`${name}: furniture strings also occur in the body: ${clash.join(' | ')}`)
}

/** Totals over all fixtures. */
function sumUp(fixtures: readonly FixtureResult[]): HoldoutTotals {
  const sum = (pick: (fixture: FixtureResult) => number): number => fixtures.reduce((total, fixture) => total + pick(fixture), 0)
  const bodyChars = sum((fixture) => fixture.bodyChars)
  const rightKindChars = sum((fixture) => fixture.rightKindChars)
  const metadataRight = sum((fixture) => fixture.metadataRight)
  const metadataTotal = fixtures.length * metadataFields.length
  return {
    fixtures: fixtures.length,
    bodyChars,
    rightKindChars,
    kindShare: bodyChars === 0 ? 0 : rightKindChars / bodyChars,
    headings: sum((fixture) => fixture.headings),
    headingsFound: sum((fixture) => fixture.headingsFound),
    metadataRight,
    metadataTotal,
    metadataShare: metadataTotal === 0 ? 0 : metadataRight / metadataTotal,
    furnitureLeft: sum((fixture) => fixture.furnitureLeft.reduce((total, entry) => total + entry.count, 0)),
    lostChars: sum((fixture) => fixture.lostChars),
    extraChars: sum((fixture) => fixture.extraChars),
    warnings: sum((fixture) => fixture.warnings.length),
  }
}
