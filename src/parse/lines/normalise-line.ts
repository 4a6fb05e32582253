/** Full-width and variant characters folded to one form, for structure detection only. */
const folds: Record<string, string> = {
  '（': '(', '）': ')', '：': ':', '，': ',', '．': '.', '；': ';', '！': '!', '？': '?',
  '【': '[', '】': ']', '〔': '[', '〕': ']', '﹙': '(', '﹚': ')', '﹕': ':', '﹐': ',', '﹔': ';',
  '＞': '>', '〉': '>', '｜': '|', '／': '/', '＃': '#', '﹒': '.', '｡': '。', '､': '、',
}
const foldable = /[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\uff10-\uff19（）：，．；！？【】〔〕﹙﹚﹕﹐﹔＞〉｜／＃﹒｡､]/g

/**
 * Fold odd spaces and full-width punctuation so patterns need one form, e.g. `（一）` → `(一)`.
 * The result has exactly the same length as the input (one UTF-16 unit per unit), so offsets map back.
 */
export function normaliseLine(text: string): string {
  return text.replace(foldable, fold)
}

function fold(char: string): string {
  const code = char.charCodeAt(0)
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0)
  return folds[char] ?? ' '
}
