import { describe, expect, it } from 'vitest'
import { toSimplified } from '../../../src/parse/metadata/to-simplified.ts'

describe('toSimplified', () => {
  it('converts Taiwan and Hong Kong forms to simplified', () => {
    expect(toSimplified('臺灣')).toBe('台湾')
    expect(toSimplified('天津市人民政府政務服務辦公室')).toBe('天津市人民政府政务服务办公室')
    expect(toSimplified('發佈時間')).toBe('发布时间')
  })

  it('leaves simplified text as it is', () => {
    expect(toSimplified('巴中市政务服务和大数据管理局')).toBe('巴中市政务服务和大数据管理局')
  })
})
