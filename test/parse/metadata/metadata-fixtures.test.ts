import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../../src/parse/index.ts'
import type { RawReport } from '../../../src/types.ts'

/**
 * Metadata read from real-report shapes (issue 10), one quirk per fixture: `NAME.txt` parsed as `NAME.meta.json` says
 * (`file` as it would sit under reports/, `url` as a sidecar gives it), compared with `NAME.json`; `UPDATE=1` rewrites it.
 */
const folder = new URL('../../fixtures/metadata/', import.meta.url)
const structureRules = /^(?:missing-|heading-number-skip|damaged-heading-number|no-headings)/

const fixtures = readdirSync(folder).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort()

describe('metadata fixtures', () => {
  for (const name of fixtures) {
    it(name.replaceAll('-', ' '), () => {
      const metaFile = new URL(`${name}.meta.json`, folder)
      const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as { file?: string; url?: string }) : {}
      const raw: RawReport = {
        file: meta.file ?? `${name}.txt`, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64),
        text: readFileSync(new URL(`${name}.txt`, folder), 'utf8'), overrides: meta.url === undefined ? {} : { url: meta.url },
      }
      const result = parseReport(raw)
      const report = result.value
      const actual = report === null ? null : {
        agency: report.agency,
        year: report.year,
        published: report.published,
        title: report.title,
        titleInferred: report.titleInferred,
        publisher: report.source.publisher,
        parts: report.sections.map((section) => `${section.kind} ${section.number ?? ''}${section.heading ?? section.paragraphs[0]?.slice(0, 12) ?? ''}`),
        messages: result.messages.filter((message) => !structureRules.test(message.ruleId)).map((message) => `[${message.ruleId}] ${message.reason}`),
      }
      const expectedFile = new URL(`${name}.json`, folder)
      if (process.env['UPDATE']) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
    })
  }
})
