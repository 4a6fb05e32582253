import { describe, expect, it } from 'vitest'
import { assignPermalinks } from '../../src/site/assign-permalinks.ts'
import { emptyRegistry, serialiseRegistry, type PermalinkRegistry } from '../../src/site/permalink-registry.ts'
import { planRegions } from '../../src/site/plan-regions.ts'
import type { Report } from '../../src/types.ts'

function report(file: string, id: string, sha256 = file): Report {
  return {
    id,
    title: `${file} 的报告`,
    titleInferred: false,
    agency: { name: '广东省人民政府', short: null, region: ['广东省'], level: 'province' },
    year: 2024,
    published: null,
    source: { file, format: 'txt', encoding: 'utf-8', sha256, url: null, publisher: null },
    sections: [],
    warnings: [],
  }
}

/** Assign twice as a build would: once to record, once more with the recorded registry. */
function build(reports: Report[], registry: PermalinkRegistry = emptyRegistry()) {
  const first = assignPermalinks(reports, registry)
  return { ...first, idOf: (file: string) => first.reports.find((r) => r.source.file === file)?.id }
}

describe('assignPermalinks', () => {
  it('keeps a published id when a new file that sorts first infers the same one', () => {
    const before = build([report('2024/guangdong.txt', '2024-guangdong')])
    const after = build([report('2024/guangdong.txt', '2024-guangdong'), report('2024/guangdong-gbk.txt', '2024-guangdong')], before.registry)
    expect(after.idOf('2024/guangdong.txt')).toBe('2024-guangdong')
    expect(after.idOf('2024/guangdong-gbk.txt')).toBe('2024-guangdong-2')
    expect(after.messages.map((m) => [m.file, m.ruleId])).toEqual([['2024/guangdong-gbk.txt', 'duplicate-id']])
    // Recorded, the second keeps -2 in every later build, and the warning stays until a sidecar pins an id.
    const again = build([report('2024/guangdong.txt', '2024-guangdong'), report('2024/guangdong-gbk.txt', '2024-guangdong')], after.registry)
    expect(again.idOf('2024/guangdong-gbk.txt')).toBe('2024-guangdong-2')
    expect(serialiseRegistry(again.registry)).toBe(serialiseRegistry(after.registry))
  })

  it('gives a report a new id when its sidecar or better metadata asks for one, keeping the old as formerIds', () => {
    const before = build([report('2020/sfb.txt', '2020-sfb-9c616ccf')])
    const after = build([report('2020/sfb.txt', '2020-sfb')], before.registry)
    expect(after.reports[0]).toMatchObject({ id: '2020-sfb', formerIds: ['2020-sfb-9c616ccf'] })
    expect(after.messages.map((m) => m.ruleId)).toEqual(['id-changed'])
    expect(after.changes).toEqual({ added: 0, changed: 1, removed: 0 })
    // Changing back reuses its own former id and keeps the other one redirecting.
    const back = build([report('2020/sfb.txt', '2020-sfb-9c616ccf')], after.registry)
    expect(back.reports[0]).toMatchObject({ id: '2020-sfb-9c616ccf', formerIds: ['2020-sfb'] })
  })

  it('follows a renamed file by its bytes and reserves the ids of removed reports', () => {
    const before = build([report('2022/a.txt', '2022-a', 'aaa'), report('2022/b.txt', '2022-b', 'bbb'), report('2022/c.txt', '2022-c', 'ccc')])
    const after = assignPermalinks([report('2022/renamed.txt', '2022-renamed', 'aaa'), report('2022/other.txt', '2022-b', 'ddd')], before.registry, {
      // b.txt is still in the folder but could not be read this time: its report is not gone, and keeps its URL.
      present: new Set(['2022/renamed.txt', '2022/other.txt', '2022/b.txt']),
    })
    const idOf = (file: string) => after.reports.find((r) => r.source.file === file)?.id
    expect(idOf('2022/renamed.txt')).toBe('2022-renamed')
    expect(after.reports.find((r) => r.id === '2022-renamed')?.formerIds).toEqual(['2022-a'])
    expect(idOf('2022/other.txt')).toBe('2022-b-2')
    expect(after.removed.map((entry) => [entry.id, entry.file])).toEqual([
      ['2022-b', '2022/b.txt'],
      ['2022-c', '2022/c.txt'],
    ])
    expect(after.messages.map((m) => m.ruleId).sort()).toEqual(['duplicate-id', 'id-changed', 'report-removed', 'report-removed'])
  })

  it('follows a file renamed and edited in one go by the id it asks for, when the old file is gone', () => {
    const before = build([report('2022/b.txt', '2022-b', 'bbb'), report('2022/c.txt', '2022-c', 'ccc')])
    const after = build([report('2022/b-revised.txt', '2022-b', 'edited'), report('2022/c.txt', '2022-c', 'ccc')], before.registry)
    expect(after.idOf('2022/b-revised.txt')).toBe('2022-b')
    expect(after.removed).toEqual([])
    expect(after.messages.map((m) => [m.file, m.ruleId])).toEqual([['2022/b-revised.txt', 'report-followed']])
    expect(after.changes).toEqual({ added: 0, changed: 0, removed: 0 })
    expect(after.registry.reports.find((entry) => entry.id === '2022-b')).toMatchObject({ file: '2022/b-revised.txt', sha256: 'edited' })
  })

  it('takes the first by source path when nothing is recorded yet', () => {
    const { reports } = build([report('2022/b.txt', 'x'), report('2022/a.txt', 'x'), report('2022/c.txt', 'x')])
    expect(reports.map((r) => [r.source.file, r.id])).toEqual([
      ['2022/a.txt', 'x'],
      ['2022/b.txt', 'x-2'],
      ['2022/c.txt', 'x-3'],
    ])
  })
})

describe('planRegions', () => {
  it('spells 陕西 and 山西 apart and keeps recorded slugs when a homophone arrives', () => {
    const plan = planRegions([['陕西省', '西安市'], ['山西省']])
    expect(plan.linksFor(['陕西省', '西安市']).map((link) => link.url)).toEqual(['/regions/shaanxisheng/', '/regions/shaanxisheng/xianshi/'])
    expect(plan.linksFor(['山西省'])[0]?.url).toBe('/regions/shanxisheng/')
    const recorded = planRegions([['甲省', '朝阳区']], { 甲省: 'jiasheng', '甲省/朝阳区': 'chaoyangqu' })
    const later = planRegions([['甲省', '朝阳区'], ['甲省', '潮阳区']], recorded.slugs)
    expect(later.linksFor(['甲省', '朝阳区'])[1]?.url).toBe('/regions/jiasheng/chaoyangqu/')
    expect(later.linksFor(['甲省', '潮阳区'])[1]?.url).toBe('/regions/jiasheng/chaoyangqu-2/')
  })
})
