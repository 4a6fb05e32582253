import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { readReport } from '../../src/ingest/index.ts'
import { parseReport } from '../../src/parse/index.ts'
import { bodyText } from '../../src/parse/lines/prepare-body.ts'
import type { Report, Section } from '../../src/types.ts'

const root = fileURLToPath(new URL('../../reports/', import.meta.url))
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.txt')).sort()
const schema = JSON.parse(readFileSync(new URL('../../src/report.schema.json', import.meta.url), 'utf8')) as object
// ajv's CommonJS default export sits on `.default` under NodeNext resolution.
const ajv = new Ajv2020.default({ allErrors: true, strict: false })
addFormats.default(ajv)
const validate = ajv.compile(schema)

/** Everything the golden pins: metadata, warnings and the heading tree with each section's size. */
function outline(report: Report): object {
  const { sections, source, ...metadata } = report
  const walk = (section: Section): object => ({
    anchor: section.anchor, kind: section.kind, number: section.number, heading: section.heading, position: section.position,
    paragraphs: section.paragraphs.map((paragraph) => `${[...paragraph].length} chars: ${paragraph.slice(0, 16)}…`),
    children: section.children.map(walk),
  })
  return { ...metadata, source: { file: source.file, url: source.url, publisher: source.publisher }, sections: sections.map(walk) }
}

const flatten = (sections: readonly Section[]): string =>
  sections.map((section) => (section.number ?? '') + (section.heading ?? '') + section.paragraphs.join('') + flatten(section.children)).join('')

describe('bundled reports', () => {
  it('finds the four bundled reports', () => {
    expect(files).toHaveLength(4)
  })

  for (const file of files) {
    it(`parses ${file} into a valid report matching its golden`, async () => {
      const read = await readReport(path.join(root, file), { root })
      expect(read.value).not.toBeNull()
      if (read.value === null) return
      const report = parseReport(read.value).value
      expect(report).not.toBeNull()
      if (report === null) return
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
      expect(flatten(report.sections).replace(/\s+/g, '')).toBe(bodyText(read.value).replace(/\s+/g, ''))
      const text = flatten(report.sections)
      for (const furniture of ['当前位置', '字号', '扫一扫', '主办单位', '网站标识码', 'ICP备', '发布日期', '来源:', '来源：']) {
        expect(text).not.toContain(furniture)
      }
      await expect(`${JSON.stringify(outline(report), null, 2)}\n`).toMatchFileSnapshot(`../golden/${report.id}.json`)
    })
  }
})
