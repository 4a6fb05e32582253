import { detectionText } from './detection-text.ts'
import { isFurnitureLine } from './is-furniture-line.ts'
import { isBodyName } from '../metadata/body-patterns.ts'
import { isCentralBody } from '../metadata/central-bodies.ts'
import { matchPlaces } from '../metadata/match-places.ts'
import { isDateLine } from '../metadata/parse-date.ts'
import { readByline } from './read-byline.ts'
import { isLabelLine, readFieldLine } from './read-field-line.ts'
import type { SourceLine } from './split-lines.ts'

/** The title line(s) of a report: metadata, not body. */
export interface TitleLines {
  /** The title as written (two lines joined when an agency line precedes a `关于…的报告` line). */
  text: string
  /** Source line of the (first) title line. */
  line: number
}

/** Lines sorted into report body, metadata fields and removed furniture. */
export interface StrippedLines {
  /** Report body lines, in order. */
  body: SourceLine[]
  /** Metadata values as written, keyed by label without spaces (来源, 发布时间, …). */
  fields: Record<string, string>
  /** Lines dropped as furniture, metadata or repeated title. */
  removed: SourceLine[]
  /** The title, or null when the source has none. */
  title: TitleLines | null
}

const titleTopic = /法治|法制|依法行政|依法治/
const titleEnd = /(?:报告|情况|总结|汇报|工作)(?:\([^()]{0,30}\))?$/
const numbered = /^(?:[一二三四五六七八九十]{1,3}\s*[、.,]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|\d{1,2}\s*[、.](?!\d)|第[一二三四五六七八九十]{1,3}(?:部分|章))/
const agencyEnd = /(?:政府|委员会|委|局|办公室|办|厅|院|部|中心|署|党组|党委|管委会|街道|镇|乡|区|县|市|省)$/
const headerDate = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/
/** The title sits among the first few lines that are not furniture. */
const maxHeaderLines = 12
const quotedTitle = /^《([^《》]{6,80}(?:报告|情况|总结))》是[^。]{0,60}(?:发布|印发|公布)的[^。]{0,10}。?$/
const documentNumber = /^[\u4e00-\u9fa5]{1,12}\[(?:19|20)\d{2}\]\d{1,4}号$/
// 往期推荐 and the like close a WeChat article: the headlines under them are other articles.
const linkBlockLabel = /^(?:相关链接|相关文章|相关阅读|推荐阅读|相关新闻|相关稿件|延伸阅读|相关附件|附件下载|相关信息|相关推荐|往期推荐|往期回顾|往期精彩|往期阅读|精彩推荐|热文推荐|更多精彩|精彩回顾|猜你喜欢)\s*:?$/

/**
 * Remove page furniture (breadcrumbs, controls, counters, footers, pager, link lists, a repeated title) wherever it sits,
 * read metadata lines into `fields`, and find the title line; everything else is body, in order.
 */
export function stripPageFurniture(source: readonly SourceLine[]): StrippedLines {
  const lines = source.map(cutGluedCounter)
  const fields: Record<string, string> = {}
  const fieldLines = new Map<string, number>()
  const removed: SourceLine[] = []
  const keep: boolean[] = lines.map(() => true)
  const drop = (index: number): void => {
    keep[index] = false
    removed.push(lines[index] as SourceLine)
  }
  let inLinkBlock = false
  const values = new Set<number>()
  lines.forEach((line, index) => {
    if (values.has(index)) return drop(index)
    const compact = line.norm.replace(/\s+/g, '')
    const label = isLabelLine(line.norm)
    const next = lines[index + 1]
    if (label !== null && next !== undefined && next.norm.length <= 60 && !next.norm.includes('。') && isLabelLine(next.norm) === null) {
      // A catalogue table read cell by cell: 公开日期 / 2018年04月28日.
      if (!(label in fields)) fields[label] = next.text
      values.add(index + 1)
      return drop(index)
    }
    if (inLinkBlock && compact.length <= 80 && !compact.includes('。') && !numbered.test(compact)) return drop(index)
    inLinkBlock = linkBlockLabel.test(compact)
    if (inLinkBlock || isFurnitureLine(line.norm)) return drop(index)
    const byline = readByline(line.text, line.norm)
    if (byline !== null) {
      if (!('发布时间' in fields)) fields['发布时间'] = byline
      return drop(index)
    }
    const fieldLine = readFieldLine(line.text, line.norm)
    if (fieldLine === null) return
    for (const [label, value] of Object.entries(fieldLine.fields)) {
      if (label in fields) continue
      fields[label] = value
      fieldLines.set(label, line.line)
    }
    drop(index)
  })
  const title = findTitle(lines, keep, fields, drop) ?? titleFromField(fields, fieldLines)
  dropNameLines(lines, keep, fields, drop)
  if (title !== null) {
    const titleCompact = compactOf(detectionText(title.text))
    lines.forEach((line, index) => {
      if (keep[index] && compactOf(line.norm) === titleCompact) drop(index)
    })
  }
  removed.sort((a, b) => a.line - b.line)
  return { body: lines.filter((_, index) => keep[index]), fields, removed, title }
}

// 访问次数：2024年，浙江省…: a page's counter label with no count, run into the first paragraph.
const gluedCounter = /^(?:浏览次数|阅读次数|访问次数|访问量|点击数|点击率|点击量|浏览量|阅读量)\s*[:：]\s*(?=\S)/

/** The line without a counter label glued to the front of a sentence. */
function cutGluedCounter(line: SourceLine): SourceLine {
  const norm = gluedCounter.exec(line.norm)
  const text = gluedCounter.exec(line.text)
  if (norm === null || text === null || !line.norm.includes('。')) return line
  return { ...line, text: line.text.slice(text[0].length), norm: line.norm.slice(norm[0].length) }
}

/** The first `maxHeaderLines` lines still kept, where a page's title, dates and name lines sit; `keep` is read as it changes. */
function* headerLines(lines: readonly SourceLine[], keep: readonly boolean[]): Generator<{ index: number; line: SourceLine; compact: string }> {
  let seen = 0
  for (let index = 0; index < lines.length && seen < maxHeaderLines; index++) {
    if (!keep[index]) continue
    seen++
    const line = lines[index] as SourceLine
    yield { index, line, compact: compactOf(line.norm) }
  }
}

/** Find the title among the lines before the body starts; header date lines become `发布时间`. */
function findTitle(lines: readonly SourceLine[], keep: boolean[], fields: Record<string, string>,
  drop: (index: number) => void): TitleLines | null {
  let title: TitleLines | null = null
  const before: number[] = []
  let previous = -1
  for (const { index, line, compact } of headerLines(lines, keep)) {
    // A date alone above the body (2023-01-03, 2021年3月22日) is the page's date, never the preamble.
    if (headerDate.test(line.norm) && (/[-/.:]/.test(line.norm) || title === null)) {
      if (!('发布时间' in fields)) fields['发布时间'] = line.text
      drop(index)
      continue
    }
    if (documentNumber.test(compact)) {
      if (!('文号' in fields)) fields['文号'] = line.text
      drop(index)
      continue
    }
    const quoted: RegExpExecArray | null = title === null ? quotedTitle.exec(compact) : null
    if (quoted?.[1] !== undefined && titleTopic.test(quoted[1])) {
      // An aggregator's summary sentence: 《某某市人民政府2018年度法治政府建设工作报告》是2019年…发布的通知。
      drop(index)
      title = { text: quoted[1], line: line.line }
      continue
    }
    if (compact.includes('。') || compact.length > 100 || numbered.test(compact)) break
    if (title !== null) continue
    let nextIndex = index + 1
    while (nextIndex < lines.length && !keep[nextIndex]) nextIndex++
    const next = lines[nextIndex]
    const nextCompact = next === undefined ? '' : compactOf(next.norm)
    if (titleTopic.test(compact) && !titleEnd.test(compact) && next !== undefined && nextCompact.length <= 20 &&
      titleEnd.test(nextCompact) && !titleTopic.test(nextCompact) && !numbered.test(nextCompact)) {
      // A title broken over two lines: 关于2022年度法治政府建设 / 情况的报告.
      drop(index)
      drop(nextIndex)
      title = { text: line.text + next.text, line: line.line }
    } else if (titleTopic.test(compact) && titleEnd.test(compact)) {
      const before = previous >= 0 ? lines[previous] : undefined
      drop(index)
      if (before !== undefined && /^(?:关于|(?:19|20)\d{2}年)/.test(compact) && agencyEnd.test(compactOf(before.norm)) && compactOf(before.norm).length <= 40) {
        drop(previous)
        title = { text: before.text + line.text, line: before.line }
      } else title = { text: line.text, line: line.line }
    }
    previous = index
    if (title === null) before.push(index)
  }
  // Short lines above the title are site navigation or a letterhead, not report text.
  if (title !== null) for (const index of before) if (keep[index] && isNavigationLike(lines[index] as SourceLine)) drop(index)
  if (title !== null) readDateUnderTitle(lines, keep, fields, drop, title.line)
  return title
}

/** A catalogue's 标题 / 名称 field, when the page prints the title only there. */
function titleFromField(fields: Record<string, string>, fieldLines: Map<string, number>): TitleLines | null {
  const label = ['标题', '名称', '信息名称'].find((key) => fields[key] !== undefined && titleTopic.test(fields[key] ?? '') && titleEnd.test((fields[key] ?? '').trim()))
  return label === undefined ? null : { text: (fields[label] ?? '').trim(), line: fieldLines.get(label) ?? 0 }
}

/**
 * A body's name alone on a line before the first sentence (杭州市市场监管局 above the page's fields, 赵县人民政府 above the
 * title, the name repeated under the date) is the page's name line: metadata (`机构`), not report text.
 */
function dropNameLines(lines: readonly SourceLine[], keep: boolean[], fields: Record<string, string>, drop: (index: number) => void): void {
  for (const { index, line, compact } of headerLines(lines, keep)) {
    if (compact.includes('。') || compact.length > 40 || numbered.test(compact)) return
    if (!isNameLine(compact)) continue
    if (!('机构' in fields)) fields['机构'] = line.text
    drop(index)
  }
}

// A name line names a place or a central body first (赵县人民政府, 交通运输部), never a bare level (省委、省政府和…、).
function isNameLine(compact: string): boolean {
  if (!isBodyName(compact) || /[:、，,]$/.test(compact)) return false
  const first = compact.split(/[、，,]/)[0] ?? ''
  return isCentralBody(first) || matchPlaces(first.replace(/^(?:中共|中国共产党)/, '')).end > 0
}

/** A date alone on the line under the title, bracketed or not (`（2024年3月8日）`), is the report's date, not body. */
function readDateUnderTitle(lines: readonly SourceLine[], keep: boolean[], fields: Record<string, string>,
  drop: (index: number) => void, titleLine: number): void {
  const index = lines.findIndex((line, at) => keep[at] && line.line > titleLine)
  const line = lines[index]
  if (line === undefined || !isDateLine(line.norm)) return
  if (!('成文日期' in fields)) fields['成文日期'] = line.text.replace(/^[\s(（]+|[\s)）]+$/g, '')
  drop(index)
}

function isNavigationLike(line: SourceLine): boolean {
  const compact = compactOf(line.norm)
  return compact.length <= 30 && !/[。,;:!?]/.test(compact)
}

function compactOf(text: string): string {
  return text.replace(/\s+/g, '')
}
