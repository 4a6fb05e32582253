import { describe, expect, it } from 'vitest'
import { reportFieldsOf } from '../src/report-fields.ts'
import { makeReport } from './site/make-report.ts'

describe('reportFieldsOf', () => {
  it('gives every field but the sections, in the report\'s order', () => {
    const report = makeReport({ sections: [{ anchor: 'preamble', kind: 'preamble', heading: null, number: null, paragraphs: ['序言'], children: [] }] })
    const { sections: _sections, ...rest } = report
    expect(JSON.stringify(reportFieldsOf(report))).toBe(JSON.stringify(rest))
    expect(Object.keys(reportFieldsOf(report))).not.toContain('sections')
  })

  it('does not read the sections (a large build reads them back from disk when asked)', () => {
    const report = makeReport()
    let asked = 0
    Object.defineProperty(report, 'sections', {
      enumerable: true,
      get: () => {
        asked++
        return []
      },
    })
    const { sections: _sections, ...rest } = report
    expect(asked).toBe(1)
    expect(reportFieldsOf(report)).toEqual(rest)
    expect(asked).toBe(1)
  })
})
