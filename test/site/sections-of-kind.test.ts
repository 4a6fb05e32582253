import { describe, expect, it } from 'vitest'
import { kindsPresent, sectionsOfKind } from '../../src/site/sections-of-kind.ts'
import type { Section, SectionKind } from '../../src/types.ts'

function section(anchor: string, kind: SectionKind, children: Section[] = []): Section {
  return { anchor, kind, number: null, heading: anchor, paragraphs: [], children }
}

const tree = [
  section('preamble', 'preamble'),
  section('achievements', 'achievements', [section('achievements-1', 'leadership'), section('achievements-2', 'achievements')]),
  section('shortcomings', 'shortcomings'),
]

describe('sectionsOfKind', () => {
  it('finds a leadership item nested inside the achievements part', () => {
    expect(sectionsOfKind(tree, 'leadership').map((found) => found.anchor)).toEqual(['achievements-1'])
  })

  it('returns a top-level part without descending into its own children', () => {
    expect(sectionsOfKind(tree, 'achievements').map((found) => found.anchor)).toEqual(['achievements'])
  })

  it('returns nothing for a kind that is absent', () => {
    expect(sectionsOfKind(tree, 'plans')).toEqual([])
  })
})

describe('kindsPresent', () => {
  it('collects kinds at every depth', () => {
    expect([...kindsPresent(tree)].sort()).toEqual(['achievements', 'leadership', 'preamble', 'shortcomings'])
  })
})
