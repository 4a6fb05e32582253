import { describe, expect, it } from 'vitest'
import { placeFromHost, placeFromWebsite } from '../../../src/parse/metadata/place-from-host.ts'

describe('placeFromHost', () => {
  it('reads a division named in pinyin from a government host, the one nearest gov.cn first', () => {
    expect(placeFromHost('http://zzrs.zhengzhou.gov.cn/a.html').place?.path).toEqual(['河南省', '郑州市'])
    expect(placeFromHost('http://sthjt.hunan.gov.cn/x').place?.path).toEqual(['湖南省'])
    expect(placeFromHost('https://www.xingguo.gov.cn/y').place?.path).toEqual(['江西省', '赣州市', '兴国县'])
  })

  it('prefers the division of highest level when a pinyin is shared (henan: 河南省, not 河南蒙古族自治县)', () => {
    expect(placeFromHost('https://henan.gov.cn/2019/05-05/1.html').place?.name).toBe('河南省')
  })

  it('reads a province from its initials right before gov.cn, but not an ambiguous city', () => {
    expect(placeFromHost('https://www.sc.gov.cn/').place?.name).toBe('四川省')
    expect(placeFromHost('https://sft.hlj.gov.cn/').place?.name).toBe('黑龙江省')
    const shenzhen = placeFromHost('https://sf.sz.gov.cn/')
    expect(shenzhen.place).toBeNull()
    expect(shenzhen.byInitials.map((place) => place.name)).toContain('深圳市')
  })

  it('never takes evidence from hosts that are not government sites', () => {
    expect(placeFromHost('http://zhengzhou.example.com/a').place).toBeNull()
    expect(placeFromHost('https://jendow.com.tw/wiki/x').place).toBeNull()
    expect(placeFromHost('not a url').place).toBeNull()
    expect(placeFromHost(null).place).toBeNull()
  })
})

describe('placeFromWebsite', () => {
  it('reads the place a website name starts with (青岛政务网 → 青岛市)', () => {
    expect(placeFromWebsite('青岛政务网').place?.path).toEqual(['山东省', '青岛市'])
    expect(placeFromWebsite('司法部网站').place).toBeNull()
  })
})
