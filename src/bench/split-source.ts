import type { SectionKind } from '../types.ts'

/** One numbered sub-part of a source report: its heading line (with number) and the lines under it. */
export interface SourceBlock {
  /** Heading text without its number, or the first sentence when the heading runs into the body. */
  heading: string
  /** Text after the heading on the same line (inline headings such as `（一）加强学习。一是……`). */
  inline: string
  /** Body lines below the heading line. */
  lines: string[]
}

/** One top-level part (`一、……`) of a source report. */
export interface SourcePart {
  /** The statutory kind guessed from the heading words. */
  kind: SectionKind
  /** Heading without its number. */
  heading: string
  /** Lines between the heading and the first numbered block. */
  intro: string[]
  /** Numbered sub-parts. */
  blocks: SourceBlock[]
}

/** A real report cut into reusable pieces for the synthetic corpus. */
export interface SourcePieces {
  /** Long opening paragraphs before the first part. */
  preamble: string[]
  /** Top-level parts in order. */
  parts: SourcePart[]
}

const partPattern = /^([一二三四五六七八九十]{1,3})、\s*(.+)$/
// Scraped pages sometimes lose the opening `（三` and keep only `）`.
const blockPattern = /^(?:[（(]([一二三四五六七八九十]{1,3}))?[）)]\s*(.+)$/
const furniture = /ICP|网站标识码|公网安备|联系方式|主办单位|扫一扫|当前位置|字号|发布日期|发布时间|来源[:：]/
const signatureDate = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/

/** Cut the text of a real report into preamble, parts and numbered blocks, dropping page furniture and signature. */
export function splitSource(text: string): SourcePieces {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0 && !furniture.test(line))
  const firstPart = lines.findIndex((line) => partPattern.test(line))
  const head = firstPart === -1 ? lines : lines.slice(0, firstPart)
  // Titles and breadcrumbs are short; the preamble is prose.
  const preamble = head.filter((line) => line.length >= 40)
  const parts: SourcePart[] = []
  if (firstPart === -1) return { preamble, parts }
  for (const line of lines.slice(firstPart)) {
    const part = partPattern.exec(line)
    if (part) {
      const heading = part[2] ?? ''
      parts.push({ kind: classifyPart(heading), heading, intro: [], blocks: [] })
      continue
    }
    const current = parts[parts.length - 1]
    if (!current) continue
    // A heading that lost its number still starts a new part when its words name another statutory kind.
    const kind = line.length < 40 && !/[。；;]/.test(line) ? classifyPart(line) : 'other'
    if (kind !== 'other' && kind !== 'achievements' && kind !== current.kind) {
      parts.push({ kind, heading: line, intro: [], blocks: [] })
      continue
    }
    const block = blockPattern.exec(line)
    if (block) {
      const rest = block[2] ?? ''
      const stop = rest.search(/[。；;]/)
      const heading = stop === -1 ? rest : rest.slice(0, stop)
      const inline = stop === -1 ? '' : rest.slice(stop + 1)
      current.blocks.push({ heading, inline, lines: [] })
      continue
    }
    const lastBlock = current.blocks[current.blocks.length - 1]
    if (lastBlock) lastBlock.lines.push(line)
    else current.intro.push(line)
  }
  dropSignature(parts)
  return { preamble, parts }
}

/** Guess the statutory kind of a top-level heading from its words. */
export function classifyPart(heading: string): SectionKind {
  if (/第一责任人|主要负责人/.test(heading)) return 'leadership'
  if (/不足|问题|短板|差距/.test(heading)) return 'shortcomings'
  if (/安排|计划|下一步|打算|思路|展望/.test(heading)) return 'plans'
  if (/成效|举措|成绩|主要工作|工作情况|进展/.test(heading)) return 'achievements'
  return 'other'
}

/** Remove the closing signature (agency name and date) that trails the last part. */
function dropSignature(parts: SourcePart[]): void {
  const last = parts[parts.length - 1]
  if (!last) return
  const tail = last.blocks[last.blocks.length - 1]?.lines ?? last.intro
  while (tail.length > 0) {
    const line = tail[tail.length - 1] ?? ''
    if (signatureDate.test(line) || (line.length < 30 && !/[。；;，,]/.test(line))) tail.pop()
    else break
  }
}
