import { describe, expect, it } from 'vitest'
import { agencyOfId, findReuse, foldOnly, sharedGrams, splitUnits } from '../../src/analysis/index.ts'
import { composeText, reportOf } from './analysis-helpers.ts'

const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
const edited = '我局建立了覆蓋全縣十二個乡镇的行政执法监督網絡，聘请三十五名特邀行政执法监督员，全年开展专项执法检查42次。'
const stock = '坚持以人民为中心'

function corpus() {
  return [
    reportOf('2022-a', composeText('甲县司法', 2022, { achievements: [copied, `${stock}，甲县推进证明事项告知承诺制改革工作。`] })),
    reportOf('2022-b', composeText('乙县司法', 2022, { achievements: [edited, `${stock}，乙县的公共法律服务平台实现村居全覆盖。`] })),
    reportOf('2023-a', composeText('甲县司法', 2023, { achievements: [copied] })),
    reportOf('2022-c', composeText('丙县司法', 2022, { achievements: [`${stock}，丙县编制权责清单并向社会公布。`] })),
  ]
}

describe('findReuse', () => {
  it('finds a paragraph copied with characters changed, traditional script and other digits', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const links = found.byReport.get('2022-b')?.reuse ?? []
    const toA = links.find((link) => link.other.id === '2022-a')
    expect(toA).toBeDefined()
    expect(toA?.anchor).toBe('achievements-p1')
    expect(toA?.sameAgency).toBe(false)
    expect(toA?.sharedChars).toBeGreaterThanOrEqual(40)
  })

  it('tells the same agency’s earlier year (跨年重复) from another agency (跨机构雷同)', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const links = found.byReport.get('2023-a')?.reuse ?? []
    expect(links.find((link) => link.other.id === '2022-a')?.sameAgency).toBe(true)
    expect(links.find((link) => link.other.id === '2022-b')?.sameAgency).toBe(false)
    expect(found.byReport.get('2023-a')?.reuseCounts).toEqual([{ anchor: 'achievements-p1', reports: 2, sameAgency: 1 }])
  })

  it('does not count a shared stock phrase of eight characters', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const all = [...found.byReport.values()].flatMap((entry) => entry.reuse)
    expect(all.filter((link) => link.anchor === 'achievements-p2')).toEqual([])
    expect(found.byReport.get('2022-c')?.reuse).toEqual([])
    expect(found.byReport.get('2022-c')?.reusedShare).toBe(0)
  })

  it('counts as shared the characters the side-by-side view marks', () => {
    const found = findReuse(corpus(), { agencyOf: agencyOfId })
    const link = found.byReport.get('2022-b')?.reuse.find((entry) => entry.other.id === '2022-a')
    const marked = sharedGrams(foldOnly(edited), foldOnly(copied)).reduce((sum, [from, to]) => sum + to - from, 0)
    expect(marked).toBe(link?.sharedChars)
  })

  it('lists a passage most reports of a year use in a part on the boilerplate list', () => {
    const reports = ['a', 'b', 'c', 'd'].map((slug) => reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { shortcomings: [copied, `${slug}县的问题在于${slug.repeat(3)}。`] })))
    const repeated = findReuse(reports, { agencyOf: agencyOfId }).repeated.get('2022/shortcomings') ?? []
    expect(repeated[0]?.reports).toBe(4)
    expect(repeated[0]?.uses.map((use) => use.id)).toEqual(['2022-a', '2022-b', '2022-c', '2022-d'])
    expect(repeated[0]?.text).toContain('行政执法监督网络')
  })
})

describe('splitUnits', () => {
  it('joins a short sentence to the next and never makes a unit under 20 characters', () => {
    const { ranges } = splitUnits('一是加强。二是深化行政执法体制改革，推进综合执法。三是其他。')
    expect(ranges).toEqual([[0, 26]])
  })
})
