import { describe, expect, it } from 'vitest'
import { readByline } from '../../../src/parse/lines/read-byline.ts'
import { detectionText } from '../../../src/parse/lines/detection-text.ts'

const read = (line: string): string | null => readByline(line, detectionText(line, false))

describe('readByline', () => {
  it('reads the date of a WeChat byline with 原创, names, time and 发表于', () => {
    expect(read('原创 瑞金司法 瑞金司法 2021-02-03 17:30 发表于江西')).toBe('2021-02-03')
  })

  it('reads an account name, a 年月日 date and a time', () => {
    expect(read('瑞金司法　2024年02月05日 10:12')).toBe('2024年02月05日')
  })

  it('does not read a signature date or an agency and date on one line as a byline', () => {
    expect(read('2021年1月28日')).toBeNull()
    expect(read('瑞金市人民政府 2021年1月28日')).toBeNull()
    expect(read('2021年，我市将继续推进法治政府建设')).toBeNull()
  })
})
