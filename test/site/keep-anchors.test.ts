import { describe, expect, it } from 'vitest'
import { keepAnchors } from '../../src/site/keep-anchors.ts'
import { renderSection } from '../../src/site/render-section.ts'
import type { Section, SectionKind } from '../../src/types.ts'

function section(anchor: string, heading: string | null, paragraphs: string[], children: Section[] = [], kind: SectionKind = 'achievements'): Section {
  return { anchor, kind, number: null, heading, paragraphs, children }
}

/** Every id a rendered page gives, in order. */
function idsOf(sections: Section[]): string[] {
  const html = sections.map((s) => renderSection(s, { depth: 2, anchors: true })).join('')
  return [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1] ?? '')
}

/** Which text each id lands on: the heading or paragraph text right after it. */
function targetsOf(sections: Section[]): Map<string, string> {
  const html = sections.map((s) => renderSection(s, { depth: 2, anchors: true })).join('')
  const targets = new Map<string, string>()
  for (const match of html.matchAll(/<(h\d|p) id="([^"]+)">(?:<span class="section-number">[^<]*<\/span>)?([^<]*)/g)) targets.set(match[2] ?? '', match[3] ?? '')
  return targets
}

// As first published: the parser did not see 「（二）推进严格执法」 as a heading, so it sat in the first item's text.
const published = [
  section('achievements', '主要举措和成效', [], [
    section('achievements-1', '完善制度', ['制定规章三件。', '清理文件十件。', '推进严格执法', '行政处罚案件全部公开。']),
    section('achievements-2', '强化监督', ['办理复议案件。']),
  ]),
  section('shortcomings', '存在的不足', ['执法力量不足。'], [], 'shortcomings'),
]
// The parser, improved, splits the heading out: the second item is now the third, by position.
const resplit = [
  section('achievements', '主要举措和成效', [], [
    section('achievements-1', '完善制度', ['制定规章三件。', '清理文件十件。']),
    section('achievements-2', '推进严格执法', ['行政处罚案件全部公开。']),
    section('achievements-3', '强化监督', ['办理复议案件。']),
  ]),
  section('shortcomings', '存在的不足', ['执法力量不足。'], [], 'shortcomings'),
]

describe('keepAnchors', () => {
  it('changes nothing on a first build, and records every heading and paragraph', () => {
    const kept = keepAnchors(published, {})
    expect(kept.sections).toEqual(published)
    expect(Object.keys(kept.anchors)).toEqual(idsOf(published))
  })

  it('keeps every published anchor on the same text when the parser splits a section anew', () => {
    const first = targetsOf(published)
    const { anchors } = keepAnchors(published, {})
    const kept = keepAnchors(resplit, anchors)
    const now = targetsOf(kept.sections)
    for (const [id, text] of first) {
      // The paragraph that became a heading is gone as a paragraph: its anchor lands on the section it sat in.
      if (text === '推进严格执法') continue
      expect(now.get(id), id).toBe(text)
    }
    expect(idsOf(kept.sections)).toContain('achievements-1-p3')
    // The new section gets a fresh anchor, not the one the old second item published.
    expect(now.get('achievements-2')).toBe('强化监督')
    expect(now.get('achievements-2-v2')).toBe('推进严格执法')
    // Every id on the page is unique, and all start with their part's kind.
    const ids = idsOf(kept.sections)
    expect(new Set(ids).size).toBe(ids.length)
    // Recorded again, nothing moves.
    const again = keepAnchors(resplit, kept.anchors)
    expect(again.sections).toEqual(kept.sections)
    expect(again.anchors).toEqual(kept.anchors)
  })

  it('lets an edited paragraph keep its place, and never moves an anchor to another part', () => {
    const { anchors } = keepAnchors(published, {})
    const edited = structuredClone(published)
    const first = edited[0]?.children[0]
    if (first) first.paragraphs[0] = '制定规章四件。'
    const kept = keepAnchors(edited, anchors)
    expect(targetsOf(kept.sections).get('achievements-1-p1')).toBe('制定规章四件。')
    // The shortcomings text reclassified as achievements does not take an anchor that says `shortcomings`.
    const reclassified = [...structuredClone(published).slice(0, 1), section('other', '存在的不足', ['执法力量不足。'], [], 'other')]
    const moved = keepAnchors(reclassified, anchors)
    expect(moved.sections[1]?.anchor).toBe('other')
    expect(idsOf(moved.sections)).toEqual(expect.arrayContaining(['shortcomings', 'shortcomings-p1']))
  })
})
