import * as OpenCC from 'opencc-js'

// Hong Kong and Taiwan variants both reach mainland forms; chaining covers mirrors written in either standard.
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' })
// Frequent characters that occur only in traditional text: a quick test that spares converting simplified reports.
const traditionalMark = /[這們來時會國為說對發與業關於經過區縣鄉鎮營總辦務門將應實現權議頭長點問題體據條產開處級戰設計劃農報執規範責監臺灣廳]/

/**
 * Convert traditional characters (Hong Kong or Taiwan standard) to simplified, for names in metadata and for the
 * detection copy of lines. Text without a frequent traditional character is returned as is, unless `always` is set
 * (a short line such as 字號：大 中 小 has none, yet sits in a traditional page).
 *
 * @example toSimplified('臺灣省政務服務辦公室') // '台湾省政务服务办公室'
 */
export function toSimplified(text: string, always = false): string {
  const bare = text.replace(insertedPinyin, '')
  if (!(always ? hasConvertible(bare) : traditionalMark.test(bare))) return bare
  return fromTaiwan(fromHongKong(bare))
}

// Some mirrors gloss characters with their pinyin: 區(qū), 建設(shè). Names in metadata never hold them.
const insertedPinyin = /(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g

let convertible: Set<number> | null = null

// Whether any character would change on its own: most lines of a simplified page have none, and scanning is far
// cheaper than converting. The set is built once by converting every ideograph in one string.
function hasConvertible(text: string): boolean {
  convertible ??= findConvertible()
  for (let index = 0; index < text.length; index++) if (convertible.has(text.charCodeAt(index))) return true
  return false
}

function findConvertible(): Set<number> {
  const codes: number[] = []
  for (let code = 0x3400; code <= 0x9fff; code++) codes.push(code)
  for (let code = 0xf900; code <= 0xfaff; code++) codes.push(code)
  const all = String.fromCharCode(...codes)
  const converted = fromTaiwan(fromHongKong(all))
  const found = new Set<number>()
  if (converted.length !== all.length) {
    for (const code of codes) {
      const char = String.fromCharCode(code)
      if (fromTaiwan(fromHongKong(char)) !== char) found.add(code)
    }
    return found
  }
  for (let index = 0; index < all.length; index++) if (converted.charCodeAt(index) !== all.charCodeAt(index)) found.add(all.charCodeAt(index))
  return found
}
