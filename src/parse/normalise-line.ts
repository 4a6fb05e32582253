/** Full-width and variant characters folded to one form, for structure detection only. */
const folds: Record<string, string> = {
  '（': '(', '）': ')', '：': ':', '，': ',', '．': '.', '；': ';', '！': '!', '？': '?',
  '【': '[', '】': ']', '〔': '[', '〕': ']', '﹙': '(', '﹚': ')', '﹕': ':', '﹐': ',', '﹔': ';',
  '＞': '>', '〉': '>', '｜': '|', '／': '/', '＃': '#', '﹒': '.', '｡': '。', '､': '、',
}

/**
 * Fold odd spaces and full-width punctuation so patterns need one form, e.g. `（一）` → `(一)`.
 * The result has exactly the same length as the input (one UTF-16 unit per unit), so offsets map back.
 */
export function normaliseLine(text: string): string {
  let out = ''
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    const code = char.charCodeAt(0)
    if (code === 0x09 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x202f || code === 0x205f ||
      (code >= 0x2000 && code <= 0x200b)) out += ' '
    else if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xfee0)
    else out += folds[char] ?? char
  }
  return out
}
