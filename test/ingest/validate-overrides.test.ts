import { describe, expect, it } from 'vitest'
import { validateOverrides } from '../../src/ingest/validate-overrides.ts'

describe('validateOverrides', () => {
  it('accepts good values and normalises region, level and YAML dates', () => {
    const { value, messages } = validateOverrides(
      { id: '2023-guangdong', published: new Date(Date.UTC(2024, 2, 5)), year: 2023, region: '广东省 / 深圳市', level: '市', url: 'https://www.gd.gov.cn/a.html' },
      'x.meta.yml',
    )
    expect(messages).toEqual([])
    expect(value).toEqual({ id: '2023-guangdong', published: '2024-03-05', year: 2023, region: ['广东省', '深圳市'], level: 'city', url: 'https://www.gd.gov.cn/a.html' })
  })

  it('drops each bad value with an error naming the file and the field', () => {
    const { value, messages } = validateOverrides(
      { id: 'Bad ID', published: '2023-02-29', year: 1900, url: 'javascript:alert(1)', level: 'nation', title: '  ', region: [], short: '市司法局' },
      'reports/2023/x.meta.yml',
      (field) => (field === 'id' ? 1 : null),
    )
    expect(value).toEqual({ short: '市司法局' })
    expect(messages.map((message) => [message.file, message.ruleId, message.severity])).toEqual(
      Array.from({ length: 7 }, () => ['reports/2023/x.meta.yml', 'invalid-meta', 'error']),
    )
    expect(messages.map((message) => /`(\w+)`/.exec(message.reason)?.[1])).toEqual(['id', 'published', 'year', 'url', 'level', 'title', 'region'])
    expect(messages[0]?.line).toBe(1)
    expect(messages[1]?.reason).toMatch(/"2023-02-29".*YYYY-MM-DD/)
  })

  it('warns about unknown fields and refuses a non-mapping', () => {
    expect(validateOverrides({ colour: 'red' }, 'a.meta.yml').messages).toEqual([
      expect.objectContaining({ file: 'a.meta.yml', ruleId: 'unknown-meta', severity: 'warning' }),
    ])
    expect(validateOverrides(['a'], 'a.meta.yml').messages[0]).toMatchObject({ ruleId: 'invalid-meta', severity: 'error' })
  })
})
