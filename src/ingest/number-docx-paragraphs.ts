import { readZipEntry } from './read-zip-entry.ts'

/** A paragraph of `word/document.xml` with the number Word shows before it, e.g. `{ text: '主要举措和成效', label: '一、' }`. */
export interface NumberedParagraph {
  text: string
  label: string
}

/** One level of a Word list: its number format (`decimal`, `chineseCounting`…), its text (`%1、`, `（%2）`) and start. */
interface ListLevel {
  format: string
  text: string
  start: number
}

/**
 * The automatic numbers of a .docx's paragraphs (`一、`, `（一）`, `1.`), which Word computes when it shows the document
 * and which no text extractor keeps: list definitions from `word/numbering.xml`, each paragraph's list and level
 * from its `w:numPr`, counters per list, deeper levels restarting after a higher one. Bullets get no label.
 */
export function numberDocxParagraphs(docx: Uint8Array): NumberedParagraph[] {
  const documentXml = readZipEntry(docx, 'word/document.xml')?.toString('utf8')
  const numberingXml = readZipEntry(docx, 'word/numbering.xml')?.toString('utf8')
  if (documentXml === undefined || numberingXml === undefined) return []
  const abstracts = new Map<string, Map<number, ListLevel>>()
  for (const match of numberingXml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, ListLevel>()
    for (const level of (match[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = level[2] ?? ''
      levels.set(Number(level[1]), {
        format: /<w:numFmt\b[^>]*w:val="([^"]+)"/.exec(body)?.[1] ?? 'decimal',
        text: decodeXml(/<w:lvlText\b[^>]*w:val="([^"]*)"/.exec(body)?.[1] ?? ''),
        start: Number(/<w:start\b[^>]*w:val="(\d+)"/.exec(body)?.[1] ?? '1'),
      })
    }
    abstracts.set(match[1] ?? '', levels)
  }
  const lists = new Map<string, string>()
  for (const match of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>[\s\S]*?<w:abstractNumId\b[^>]*w:val="(\d+)"/g)) lists.set(match[1] ?? '', match[2] ?? '')
  const counters = new Map<string, number[]>()
  const numbered: NumberedParagraph[] = []
  for (const paragraph of documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const body = paragraph[1] ?? ''
    const numId = /<w:numId\b[^>]*w:val="(\d+)"/.exec(body)?.[1]
    if (numId === undefined || numId === '0') continue
    const ilvl = Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(body)?.[1] ?? '0')
    const levels = abstracts.get(lists.get(numId) ?? '')
    const level = levels?.get(ilvl)
    if (levels === undefined || level === undefined || level.format === 'bullet' || level.format === 'none') continue
    const counts = counters.get(numId) ?? []
    counts[ilvl] = (counts[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1
    counts.length = ilvl + 1
    counters.set(numId, counts)
    const label = level.text.replace(/%(\d)/g, (_, n: string) => {
      const index = Number(n) - 1
      return formatNumber(counts[index] ?? levels.get(index)?.start ?? 1, levels.get(index)?.format ?? 'decimal')
    })
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((run) => decodeXml(run[1] ?? '')).join('')
    numbered.push({ text, label })
  }
  return numbered
}

const digits = '〇一二三四五六七八九'

/** A counter in a Word number format; formats not listed fall back to Arabic digits. */
function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'chineseLegalSimplified':
      return chineseCount(value)
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(value - 1) % 10] ?? String(value)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2460 + value - 1) : String(value)
    case 'decimalFullWidth':
      return String(value).replace(/\d/g, (digit) => String.fromCodePoint(0xff10 + Number(digit)))
    case 'lowerLetter':
      return String.fromCodePoint(0x61 + ((value - 1) % 26))
    case 'upperLetter':
      return String.fromCodePoint(0x41 + ((value - 1) % 26))
    case 'lowerRoman':
      return roman(value).toLowerCase()
    case 'upperRoman':
      return roman(value)
    default:
      return String(value)
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes them). */
function chineseCount(value: number): string {
  if (value <= 0 || value >= 1000) return String(value)
  const hundreds = Math.floor(value / 100)
  const tens = Math.floor((value % 100) / 10)
  const ones = value % 10
  let text = hundreds > 0 ? `${digits[hundreds]}百` : ''
  if (tens > 0) text += `${tens === 1 && hundreds === 0 ? '' : digits[tens]}十`
  else if (hundreds > 0 && ones > 0) text += '零'
  if (ones > 0) text += digits[ones]
  return text
}

function roman(value: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let rest = value
  let text = ''
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      text += letters
      rest -= amount
    }
  }
  return text
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return named[name.toLowerCase()] ?? entity
  })
}
