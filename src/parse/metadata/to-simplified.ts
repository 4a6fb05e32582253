import * as OpenCC from 'opencc-js'

// Hong Kong and Taiwan variants both reach mainland forms; chaining covers mirrors written in either standard.
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' })
const simplifiedOnly = /^[\u0000-\u2fff\u3000-\u303f\uff00-\uffef]*$/

/**
 * Convert traditional characters (Hong Kong or Taiwan standard) to simplified, for names in metadata.
 *
 * @example toSimplified('臺灣省政務服務辦公室') // '台湾省政务服务办公室'
 */
export function toSimplified(text: string): string {
  if (simplifiedOnly.test(text)) return text
  return fromTaiwan(fromHongKong(text))
}
