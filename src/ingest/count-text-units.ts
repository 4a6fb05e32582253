/**
 * How much readable text a string holds: CJK ideographs count one each, runs of Latin letters or digits one per word.
 *
 * Used to weigh page regions against each other, so that a Chinese article outweighs an English menu.
 */
export function countTextUnits(text: string): number {
  let count = 0
  let inWord = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
      count++
      inWord = false
    } else if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      if (!inWord) count++
      inWord = true
    } else {
      inWord = false
    }
  }
  return count
}
