import { describe, expect, it } from 'vitest'
import { inferMetadata, type Metadata } from '../../../src/parse/metadata/index.ts'
import { buildInput, section } from './build-input.ts'

const infer = (parts: Parameters<typeof buildInput>[0]): { value: Metadata; rules: string[] } => {
  const result = inferMetadata(buildInput(parts))
  if (result.value === null) throw new Error('inferMetadata returned no value')
  return { value: result.value, rules: result.messages.map((message) => message.ruleId) }
}

describe('inferMetadata: agency', () => {
  it('reads a province government from a 关于…的报告 title and its signature', () => {
    const { value, rules } = infer({
      title: '四川省人民政府关于2022年度法治政府建设情况的报告',
      sections: [section('preamble', ['2022年，在省委坚强领导下，全省上下…']), section('closing', ['四川省人民政府', '2023年3月28日'])],
    })
    expect(value.agency).toEqual({ name: '四川省人民政府', short: '四川省人民政府', region: ['四川省'], level: 'province' })
    expect([value.id, value.year, value.published]).toEqual(['2022-sichuan', 2022, '2023-03-28'])
    expect(rules).toEqual([])
  })

  it('expands a prefecture city named in a year-first title, and keeps a website 来源 as publisher only', () => {
    const { value } = infer({
      title: '2021年度巴中市法治政府建设情况报告',
      fields: { 信息来源: '巴中市人民政府网', 发布日期: '2022年03月30日' },
    })
    expect(value.agency).toEqual({ name: '巴中市人民政府', short: '巴中市', region: ['四川省', '巴中市'], level: 'city' })
    expect([value.year, value.published, value.publisher]).toEqual([2021, '2022-03-30', '巴中市人民政府网'])
  })

  it('expands a municipality district named only in the preamble', () => {
    const { value } = infer({ sections: [section('preamble', ['2020年,武清区坚持以习近平新时代中国特色社会主义思想为指导…'])] })
    expect(value.agency).toEqual({ name: '天津市武清区人民政府', short: '武清区', region: ['天津市', '武清区'], level: 'county' })
    expect(value).toMatchObject({ id: '2020-tianjin-wuqing', title: '天津市武清区人民政府2020年度法治政府建设情况报告', titleInferred: true })
  })

  it('takes the short form the report uses for itself (鄞州区), not the full name of its title, skipping the addressee', () => {
    const { value } = infer({
      title: '宁波市鄞州区人民政府关于2022年度法治政府建设情况的报告',
      sections: [section('preamble', ['宁波市人民政府：', '2022年，鄞州区坚持以习近平法治思想为引领…']), section('closing', ['宁波市鄞州区人民政府', '二〇二三年二月十日'])],
    })
    expect(value.agency).toMatchObject({ name: '宁波市鄞州区人民政府', short: '鄞州区', region: ['浙江省', '宁波市', '鄞州区'] })
  })

  it('takes a short form named by its level alone (自治区生态环境厅, 盟行署) when the name agrees', () => {
    const department = infer({
      title: '广西壮族自治区生态环境厅2023年法治政府建设年度报告',
      sections: [section('preamble', ['2023年，自治区生态环境厅坚持以习近平新时代中国特色社会主义思想为指导…'])],
    })
    expect(department.value.agency).toMatchObject({ name: '广西壮族自治区生态环境厅', short: '自治区生态环境厅' })
    const league = infer({
      title: '锡林郭勒盟行政公署2019年法治政府建设情况报告',
      sections: [section('preamble', ['自治区人民政府：', '2019年，盟行署在自治区党委、政府和盟委的坚强领导下…'])],
    })
    expect(league.value.agency).toMatchObject({ name: '锡林郭勒盟行政公署', short: '盟行署' })
    const county = infer({
      title: '某某县人民政府2022年法治政府建设情况报告',
      sections: [section('preamble', ['2022年，区政府在市委、市政府的坚强领导下…'])],
    })
    expect(county.value.agency.short).toBe('某某县人民政府')
  })

  it('reads a township with its county, and a Chinese-numeral signature date', () => {
    const { value } = infer({
      title: '长赤镇2022年法治政府建设年度报告',
      sections: [section('preamble', ['2022年，南江县长赤镇坚持…']), section('closing', ['南江县长赤镇人民政府', '二〇二三年一月十日'])],
    })
    expect(value.agency).toEqual({
      name: '南江县长赤镇人民政府', short: '长赤镇', region: ['四川省', '巴中市', '南江县', '长赤镇'], level: 'township',
    })
    expect(value.published).toBe('2023-01-10')
  })

  it('borrows a subdistrict’s county from a 来源 naming its district', () => {
    const { value } = infer({ title: '和平街道2022年法治政府建设情况报告', fields: { 来源: '天津市和平区人民政府' } })
    expect(value.agency).toMatchObject({ name: '天津市和平区和平街道办事处', region: ['天津市', '和平区', '和平街道'], level: 'township' })
  })

  it('finds the county of a township named alone when its name is unique in the country', () => {
    const { value, rules } = infer({ title: '莫干山镇2022年度法治政府建设工作报告', fields: { 来源: '莫干山镇人民政府' } })
    expect(value.agency).toMatchObject({ name: '德清县莫干山镇人民政府', region: ['浙江省', '湖州市', '德清县', '莫干山镇'], level: 'township' })
    expect(rules).not.toContain('unknown-region')
  })

  it('finds a township whose name recurs only where the text names its county', () => {
    expect(infer({ title: '和平街道2022年法治政府建设情况报告' }).value.agency.region).toEqual([])
    const { value } = infer({ title: '和平街道2022年法治政府建设情况报告', sections: [section('preamble', ['2022年，在武汉市委、武汉市政府的领导下，和平街道坚持…'])] })
    expect(value.agency.region).toEqual(['湖北省', '武汉市', '洪山区', '和平街道'])
  })

  it('takes the full name of a department from a 来源 that agrees with the title', () => {
    const { value } = infer({
      title: '市政务服务办2022年法治政府建设情况报告',
      fields: { 来源: '天津市人民政府政务服务办公室', 发布时间: '2023-03-14 15:35' },
    })
    expect(value.agency).toEqual({ name: '天津市人民政府政务服务办公室', short: '市政务服务办', region: ['天津市'], level: 'department' })
    expect([value.id, value.published, value.publisher]).toEqual(['2022-tianjin-zwfwb', '2023-03-14', '天津市人民政府政务服务办公室'])
  })

  it('fills in the city of 市司法局 from the text when the 来源 is a website', () => {
    const text = '2022年，市司法局在市委的坚强领导下，推进法治青岛建设。青岛市…青岛市…'
    const { value } = infer({ title: '市司法局2022年度法治政府建设工作报告', fields: { 来源: '青岛政务网' }, text })
    expect(value.agency).toEqual({ name: '青岛市司法局', short: '市司法局', region: ['山东省', '青岛市'], level: 'department' })
    expect([value.id, value.publisher]).toEqual(['2022-shandong-qingdao-sfj', '青岛政务网'])
  })

  it('prefers the title over a 来源 naming a different body', () => {
    const { value } = infer({ title: '广州市天河区2022年法治政府建设年度报告', fields: { 来源: '区司法局' } })
    expect(value.agency).toEqual({ name: '广州市天河区人民政府', short: '广州市天河区', region: ['广东省', '广州市', '天河区'], level: 'county' })
    expect(value.publisher).toBe('区司法局')
  })

  it('reads a signature-only department with 我局 in the preamble', () => {
    const { value } = infer({
      sections: [section('preamble', ['2022年,根据《巴中市人民政府2022年度法治政府建设重点工作安排任务台账》安排部署,我局…']), section('closing', ['巴中市政务服务和大数据管理局', '2023年2月2日'])],
    })
    expect(value.agency).toMatchObject({ name: '巴中市政务服务和大数据管理局', region: ['四川省', '巴中市'], level: 'department' })
    expect([value.year, value.published, value.titleInferred]).toEqual([2022, '2023-02-02', true])
  })

  it('names both bodies of a joint report', () => {
    const { value } = infer({
      title: '中共南江县委 南江县人民政府关于2022年度法治政府建设情况的报告',
      sections: [section('closing', ['中共南江县委', '南江县人民政府', '2023年2月20日'])],
    })
    expect(value.agency).toMatchObject({
      name: '中共南江县委 南江县人民政府', bodies: ['中共南江县委', '南江县人民政府'], region: ['四川省', '巴中市', '南江县'], level: 'county',
    })
    expect(value.id).toBe('2022-sichuan-bazhong-nanjiang')
  })

  it('splits a joint title written with 、', () => {
    const { value } = infer({ title: '中共巴中市委、巴中市人民政府关于2021年法治政府建设情况的报告' })
    expect(value.agency).toMatchObject({ name: '中共巴中市委 巴中市人民政府', bodies: ['中共巴中市委', '巴中市人民政府'], level: 'city' })
  })

  it('converts a traditional-character mirror’s names but keeps its title as written', () => {
    const title = '天津市人民政府政務服務辦公室2022年法治政府建設情況報告'
    const { value } = infer({ title, fields: { 來源: '天津市人民政府政務服務辦公室' } })
    expect(value.title).toBe(title)
    expect(value.agency).toMatchObject({ name: '天津市人民政府政务服务办公室', region: ['天津市'], level: 'department' })
  })

  it('reads a department whose place sits inside its name, and a central ministry without a region', () => {
    expect(infer({ title: '国家税务总局天津市税务局2022年法治政府建设情况报告' }).value.agency.region).toEqual(['天津市'])
    const ministry = infer({ title: '司法部2022年法治政府建设年度报告' })
    expect(ministry.value).toMatchObject({ id: '2022-sfb', agency: { name: '司法部', region: [], level: 'central' } })
    expect(ministry.rules).toEqual([])
  })
})

describe('inferMetadata: agreeing and disagreeing evidence', () => {
  it('keeps the fuller of a title and a 来源 that agree', () => {
    const { value } = infer({ title: '巴中市人民政府关于2022年度法治政府建设情况的报告', fields: { 来源: '市政府' } })
    expect(value.agency.name).toBe('巴中市人民政府')
  })

  it('takes a department 来源 as its government’s when the report calls itself 我区', () => {
    const { value } = infer({ fields: { 来源: '天津市武清区司法局' }, sections: [section('preamble', ['今年以来，我区坚持…'])] })
    expect(value.agency).toEqual({ name: '天津市武清区人民政府', short: null, region: ['天津市', '武清区'], level: 'county' })
  })

  it('takes a zone’s 管理委员会 from the 来源 only because it is written there', () => {
    const { value } = infer({ title: '成都高新区2022年度法治政府建设情况报告', fields: { 来源: '成都高新技术产业开发区管理委员会' } })
    expect(value.agency).toEqual({
      name: '成都高新技术产业开发区管理委员会', short: '成都高新区', region: ['四川省', '成都市'], level: 'department',
    })
    expect(value.id).toBe('2022-sichuan-chengdu-gxq')
  })

  it('reads the city in a zone’s name and the zone’s short form from its title', () => {
    const { value } = infer({
      title: '东湖高新区管委会2022年法治政府建设情况报告',
      sections: [section('preamble', ['2022年，东湖高新区管委会坚持…']), section('closing', ['武汉东湖新技术开发区管理委员会', '2023年2月10日'])],
    })
    expect(value.agency).toEqual({ name: '武汉东湖新技术开发区管理委员会', short: '东湖高新区管委会', region: ['湖北省', '武汉市'], level: 'department' })
    expect(value.id).toMatch(/^2022-hubei-wuhan-/)
  })

  it('reads a subdistrict office named after its district government', () => {
    const { value } = infer({ title: '天津市和平区人民政府南营门街道办事处2022年法治政府建设情况报告' })
    expect(value.agency).toMatchObject({ region: ['天津市', '和平区', '南营门街道'], level: 'township' })
  })

  it('reads prefectures, leagues and autonomous regions with their own suffixes', () => {
    expect(infer({ title: '阿克苏地区2022年法治政府建设情况报告' }).value.agency).toMatchObject({
      name: '阿克苏地区行政公署', region: ['新疆维吾尔自治区', '阿克苏地区'], level: 'city',
    })
    expect(infer({ title: '峨边彝族自治县2022年法治政府建设情况报告' }).value.agency).toMatchObject({
      name: '峨边彝族自治县人民政府', region: ['四川省', '乐山市', '峨边彝族自治县'], level: 'county',
    })
    expect(infer({ title: '新疆维吾尔自治区人民政府2022年法治政府建设情况报告' }).value.id).toBe('2022-xinjiang')
  })
})

describe('inferMetadata: region ambiguity', () => {
  it('leaves the region out when the text cannot tell 朝阳区 in 北京 from 朝阳区 in 长春', () => {
    const { value, rules } = infer({ title: '朝阳区2022年法治政府建设情况报告', sections: [section('preamble', ['2022年，朝阳区坚持…'])] })
    expect(value.agency).toEqual({ name: '朝阳区人民政府', short: '朝阳区', region: [], level: 'county' })
    expect(value.id).toMatch(/^2022-[0-9a-f]{8}$/)
    expect(rules).toEqual(['ambiguous-region'])
  })

  it('chooses the 朝阳区 whose province the text names', () => {
    const { value, rules } = infer({
      title: '朝阳区2022年法治政府建设情况报告',
      sections: [section('preamble', ['2022年，朝阳区坚持贯彻北京市委、北京市政府部署…'])],
    })
    expect(value.agency).toMatchObject({ name: '北京市朝阳区人民政府', region: ['北京市', '朝阳区'] })
    expect(rules).toEqual([])
  })
})

describe('inferMetadata: year and date', () => {
  it('reads 年 and 年度 and Chinese-numeral years in titles', () => {
    expect(infer({ title: '某某县2021年法治政府建设年度报告' }).value.year).toBe(2021)
    expect(infer({ title: '某某县2021年度法治政府建设情况报告' }).value.year).toBe(2021)
    expect(infer({ title: '某某县二〇二一年度法治政府建设情况报告' }).value.year).toBe(2021)
    expect(infer({ title: '【法治政府】南江县2021年法治政府建设年度报告' }).value.agency.name).toBe('南江县人民政府')
  })

  it('takes the plans heading year minus one when nothing else names the year', () => {
    const { value, rules } = infer({ sections: [section('preamble', ['今年以来，我局…']), section('plans', ['…'], '2024年工作计划')] })
    expect([value.year, value.published, value.agency.level]).toEqual([2023, null, 'department'])
    expect(rules).toEqual(['unknown-agency'])
  })

  it('takes the publication year minus one as a last resort, with a warning', () => {
    const { value, rules } = infer({
      title: '某某县法治政府建设年度报告',
      hints: { published: '2024-02-01T08:00:00+08:00', title: '某某县法治政府建设年度报告_某某县人民政府', url: 'https://example.gov.cn/a.html' },
    })
    expect([value.year, value.published, value.url, value.publisher]).toEqual([2023, '2024-02-01', 'https://example.gov.cn/a.html', '某某县人民政府'])
    expect(rules).toContain('year-from-publication-date')
  })

  it('prefers the field date over the signature date, and skips dates that are not real', () => {
    const sections = [section('closing', ['某某县人民政府', '2023年2月2日'])]
    expect(infer({ title: '某某县2022年报告', fields: { 发布时间: '2023-03-14 15:35' }, sections }).value.published).toBe('2023-03-14')
    const invalid = infer({ title: '某某县2022年报告', fields: { 发布时间: '2023-02-30' }, sections })
    expect(invalid.value.published).toBe('2023-02-02')
    expect(invalid.rules).toContain('invalid-date')
  })

  it('gives null and warnings when nothing is known', () => {
    const { value, rules } = infer({ text: '一、主要成效\n工作…' })
    expect(value).toMatchObject({ year: null, published: null, title: '法治政府建设情况报告', titleInferred: true, agency: { name: null } })
    expect(value.id).toMatch(/^undated-[0-9a-f]{8}$/)
    expect(rules.sort()).toEqual(['unknown-agency', 'unknown-year'])
  })
})

describe('inferMetadata: title and overrides', () => {
  it('takes a page title without its site name when the source has no title line', () => {
    const { value } = infer({
      hints: { title: '泸州市江阳区2022年度法治政府建设情况报告-泸州市江阳区人民政府' },
      sections: [section('preamble', ['2022年，江阳区坚持…'])],
    })
    expect(value).toMatchObject({ title: '泸州市江阳区2022年度法治政府建设情况报告', titleInferred: false, year: 2022 })
    expect(value.agency).toMatchObject({ name: '泸州市江阳区人民政府', region: ['四川省', '泸州市', '江阳区'] })
  })

  it('lets overrides win over everything inferred', () => {
    const { value } = infer({
      title: '市政务服务办2022年法治政府建设情况报告',
      fields: { 来源: '天津市人民政府政务服务办公室', 发布时间: '2023-03-14' },
      overrides: { id: 'custom-id', agency: '巴中市政务服务和大数据管理局', year: 2021, published: '2022-01-05', publisher: '某网', url: 'https://x.example/' },
    })
    expect(value).toMatchObject({ id: 'custom-id', year: 2021, published: '2022-01-05', publisher: '某网', url: 'https://x.example/' })
    expect(value.agency).toMatchObject({ name: '巴中市政务服务和大数据管理局', region: ['四川省', '巴中市'], level: 'department' })
  })

  it('is deterministic', () => {
    const input = { title: '朝阳区2022年法治政府建设情况报告' }
    expect(infer(input).value).toEqual(infer(input).value)
  })
})
