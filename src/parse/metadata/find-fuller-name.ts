import { isShortFor } from './find-agency.ts'

// A body's name as the text writes it: a place or level word, then up to 20 characters, ending like a body.
const writtenName = /[\u4e00-\u9fa5]{2,30}?(?:人民政府|局|厅|委员会|办公室|管理委员会|中心)/g

/**
 * The fullest name the text writes for the same body, when the evidence gave a partial one: 郑州市人力资源和社会保障局
 * for 市人力资源和社会保障局, 杭州市市场监督管理局 for 杭州市市场监管局. The name itself when the text has none fuller.
 */
export function findFullerName(name: string, text: string): string {
  if (/[\s、]/.test(name) || !/(?:局|厅|委|办|中心)$/.test(name)) return name
  let best = name
  for (const match of text.matchAll(writtenName)) {
    // The match may start with words before the name (根据郑州市…): try each start.
    const written = match[0]
    for (let start = 0; start < written.length - 2; start++) {
      const candidate = written.slice(start)
      if (candidate.length > best.length && candidate.length <= 30 && isShortFor(name, candidate) && startsWithPlace(candidate, name)) {
        best = candidate
        break
      }
    }
  }
  return best
}

// The fuller name must keep the partial one's place (杭州市…), or give one where it had only a level word (市…).
function startsWithPlace(candidate: string, name: string): boolean {
  const level = /^(?:自治区|省|市|区|县|州|旗)/.exec(name)?.[0]
  if (level !== undefined) return !/^(?:自治区|省|市|区|县|州|旗)/.test(candidate)
  const head = name.slice(0, 2)
  return candidate.startsWith(head)
}
