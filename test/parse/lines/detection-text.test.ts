import { describe, expect, it } from 'vitest'
import { detectionText } from '../../../src/parse/lines/detection-text.ts'

describe('detectionText', () => {
  it('simplifies traditional characters and folds punctuation, keeping the length', () => {
    const line = '（一）加強組織領導。字號：大 中 小'
    const copy = detectionText(line)
    expect(copy).toBe('(一)加强组织领导。字号:大 中 小')
    expect(copy.length).toBe(line.length)
  })

  it('leaves characters alone when told the document is simplified', () => {
    expect(detectionText('乾隆（一）', false)).toBe('乾隆(一)')
  })
})
