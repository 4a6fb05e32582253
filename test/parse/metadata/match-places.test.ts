import { describe, expect, it } from 'vitest'
import { shortenPlace } from '../../../src/parse/metadata/load-divisions.ts'
import { matchPlaces } from '../../../src/parse/metadata/match-places.ts'

const paths = (name: string): string[][] => matchPlaces(name).candidates.map((place) => place.path)

describe('matchPlaces', () => {
  it('reads a municipality district and a prefecture city', () => {
    expect(paths('天津市武清区人民政府')).toEqual([['天津市', '武清区']])
    expect(paths('巴中市政务服务和大数据管理局')).toEqual([['四川省', '巴中市']])
    expect(matchPlaces('巴中市政务服务和大数据管理局').end).toBe(3)
  })

  it('reads short forms only where a body follows', () => {
    expect(paths('天津滨海高新区')).toEqual([['天津市', '滨海新区']])
    expect(paths('巴中坚持')).toEqual([])
  })

  it('keeps every candidate of an ambiguous name', () => {
    expect(paths('朝阳区司法局')).toEqual([
      ['北京市', '朝阳区'],
      ['吉林省', '长春市', '朝阳区'],
    ])
  })

  it('reads a township after its county but not 城乡 inside a department name', () => {
    const match = matchPlaces('四川省南江县长赤镇人民政府')
    expect(match.candidates.map((place) => place.path)).toEqual([['四川省', '巴中市', '南江县']])
    expect(match.township).toBe('长赤镇')
    expect(matchPlaces('住房和城乡建设局')).toEqual({ candidates: [], township: null, end: 0 })
  })

  it('reads county-level cities and autonomous regions', () => {
    expect(paths('都江堰市')).toEqual([['四川省', '成都市', '都江堰市']])
    expect(paths('广西壮族自治区人民政府')).toEqual([['广西壮族自治区']])
  })
})

describe('shortenPlace', () => {
  it('drops type and autonomy suffixes', () => {
    expect(['巴中市', '峨边彝族自治县', '恩施土家族苗族自治州', '新疆维吾尔自治区', '滨海新区', '易县'].map(shortenPlace)).toEqual([
      '巴中', '峨边', '恩施', '新疆', '滨海', null,
    ])
  })
})
