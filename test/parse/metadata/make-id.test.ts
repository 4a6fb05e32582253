import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeId } from '../../../src/parse/metadata/make-id.ts'

const pattern = /^[a-z0-9]+(-[a-z0-9]+)*$/

describe('makeId', () => {
  it('spells places in pinyin and bodies in initials', () => {
    expect(makeId({ year: 2022, region: ['天津市'], body: '政务服务办', national: false, fallback: '' })).toBe('2022-tianjin-zwfwb')
    expect(makeId({ year: 2020, region: ['天津市', '武清区'], body: null, national: false, fallback: '' })).toBe('2020-tianjin-wuqing')
    expect(makeId({ year: 2022, region: ['陕西省', '西安市'], body: '司法局', national: false, fallback: '' })).toBe('2022-shaanxi-xian-sfj')
  })

  it('writes undated and a stable hash when year and place are unknown', () => {
    const first = makeId({ year: null, region: [], body: null, national: false, fallback: '某报告' })
    expect(first).toMatch(/^undated-[0-9a-f]{8}$/)
    expect(makeId({ year: null, region: [], body: null, national: false, fallback: '某报告' })).toBe(first)
    expect(makeId({ year: null, region: [], body: null, national: false, fallback: '另一报告' })).not.toBe(first)
  })

  it('needs no hash for a central body', () => {
    expect(makeId({ year: 2022, region: [], body: '司法部', national: true, fallback: '' })).toBe('2022-sfb')
  })

  it('always gives a URL-safe id', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }),
        fc.option(fc.string({ maxLength: 12 }), { nil: null }),
        fc.string(),
        (year, region, body, fallback) => {
          expect(makeId({ year, region, body, national: false, fallback })).toMatch(pattern)
        },
      ),
    )
  })
})
