import { describe, expect, it } from 'vitest'
import { digestSections, memoSectionsKey, sectionsKey, type KnownDigests } from '../../src/build/sections-key.ts'
import { bodyKey } from '../../src/site/index.ts'
import { composeText, reportOf } from '../analysis/analysis-helpers.ts'

const report = reportOf('2022-a', composeText('甲县司法', 2022, { achievements: ['甲县推进证明事项告知承诺制改革工作。'] }))

describe('the sections digests', () => {
  it('are the sections key and the body key of the report', () => {
    expect(digestSections(report)).toEqual({ sections: sectionsKey(report), body: bodyKey(report.sections) })
  })

  it('are taken from those made at parse time, for the very sections they were made of', () => {
    const known: KnownDigests = new WeakMap([[report.sections, { sections: 'made-when-parsed', body: 'body' }]])
    const keyOf = memoSectionsKey(known)
    expect(keyOf(report)).toBe('made-when-parsed')
    // Sections copied since (anchors kept from the registry) are digested afresh.
    const copied = { ...report, id: '2022-b', sections: report.sections.map((section) => ({ ...section })) }
    expect(keyOf(copied)).toBe(sectionsKey(report))
    expect(memoSectionsKey()(report)).toBe(sectionsKey(report))
  })
})
