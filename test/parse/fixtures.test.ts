import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/parse/index.ts'
import { bodyText } from '../../src/parse/lines/prepare-body.ts'
import type { RawReport, Section } from '../../src/types.ts'

const folder = new URL('../fixtures/parse/', import.meta.url)
const structureRules = new Set(['missing-shortcomings', 'missing-achievements', 'missing-plans', 'missing-leadership',
  'heading-number-skip', 'damaged-heading-number', 'no-headings'])

/** One quirk per fixture, named by its file: `NAME.txt` parsed, compared with `NAME.json`; `UPDATE=1` rewrites it. */
const fixtures = readdirSync(folder).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort()

describe('parse fixtures', () => {
  for (const name of fixtures) {
    it(name.replaceAll('-', ' '), () => {
      const raw = rawReport(`${name}.txt`, readFileSync(new URL(`${name}.txt`, folder), 'utf8'))
      const result = parseReport(raw)
      const report = result.value
      expect(report).not.toBeNull()
      const actual = {
        title: report?.titleInferred === false ? report.title : null,
        sections: report?.sections ?? [],
        messages: result.messages.filter((message) => structureRules.has(message.ruleId))
          .map((message) => `${message.line ?? '-'} ${message.ruleId}`),
      }
      const expectedFile = new URL(`${name}.json`, folder)
      if (process.env['UPDATE']) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
      expect(flatten(actual.sections)).toBe(bodyText(raw).replace(/\s+/g, ''))
    })
  }
})

function rawReport(file: string, text: string): RawReport {
  return { file, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), text, overrides: {} }
}

function flatten(sections: readonly Section[]): string {
  return sections.map((section) => (section.number ?? '') + (section.heading ?? '') + section.paragraphs.join('') + flatten(section.children))
    .join('').replace(/\s+/g, '')
}
