import type { Element, Nodes, Root } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { countTextUnits } from './count-text-units.ts'
import { hastToLines, isBlock } from './hast-to-lines.ts'
import { pruneHtml } from './prune-html.ts'
import { readHtmlHints } from './read-html-hints.ts'
import { selectArticle } from './select-article.ts'

/** Labels of the metadata lines CMS pages print around an article; the parser reads them. */
const metaLabels = '标题|文章标题|来源|信息来源|文章来源|发布时间|发布日期|发文日期|成文日期|印发日期|发布机构|发文机关|发文单位|索引号|文号|发文字号'
const metaLine = new RegExp(`(?:${metaLabels})\\s*[:：]`)
const otherLabels = '字号|字体|浏览次数|阅读次数|点击数|点击量|访问量|作者|责任编辑|编辑'
// Scanned left to right, so 信息来源 is found whole before 来源 could match inside it.
const anyLabel = new RegExp(`(?:${metaLabels}|${otherLabels})\\s*[:：]`, 'g')
/** Page controls printed in bylines: font-size switches, print and close buttons, share prompts. */
const furniture = /(?:字号|字体)\s*[:：]\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]?|[【[]\s*(?:打印|关闭|打印本页|关闭窗口|收藏)\s*[】\]]|打印本页|关闭窗口|分享到\s*[:：]?|扫一扫在手机打开当前页/g

/** Metadata lines longer than this are page furniture that happens to contain a label, not a byline. */
const maxMetaLine = 200

/**
 * Turn a saved web page into the article's plain text, one block per line, plus hints from its head.
 *
 * Scripts, styles, embeds, controls, navigation and hidden elements are dropped; the article container is chosen
 * (see `selectArticle`); the page `<h1>` and 来源/发布时间 lines just before it are kept. Only text survives: no
 * markup, attribute values or URLs.
 *
 * @example
 *   htmlToText('<title>报告</title><div class="TRS_Editor"><p>一、主要举措</p></div>').text // → '一、主要举措'
 */
export function htmlToText(html: string): { text: string; hints: { title?: string; published?: string; url?: string } } {
  const tree = unified().use(rehypeParse).parse(html) as Root
  const hints = readHtmlHints(tree)
  pruneHtml(tree)
  const article = selectArticle(tree)
  const body = hastToLines(article)
  const prelude = article.type === 'root' || article.tagName === 'body' ? [] : readPrelude(tree, article)
  // Containers often repeat the title (and byline) in their first lines.
  let start = 0
  while (start < body.length && prelude.some((line) => sameText(line, body[start] ?? ''))) start++
  const lines = [...prelude, ...body.slice(start)]
  return { text: lines.join('\n'), hints }
}

/**
 * Lines before the article, outside it, that the parser needs: the page's `<h1>` (or a title-classed block when there
 * is none) and byline blocks such as `发布日期：… 来源：…`.
 */
function readPrelude(tree: Root, article: Element): string[] {
  const before: { element: Element; titled: boolean }[] = []
  let reached = false
  const walk = (node: Element | Root, titled: boolean): void => {
    for (const child of node.children) {
      if (reached) return
      if (child.type !== 'element') continue
      if (child === article) {
        reached = true
        return
      }
      const inTitle = titled || hasTitleName(child, false)
      if (isLeafBlock(child)) before.push({ element: child, titled: inTitle || hasTitleName(child, true) })
      else walk(child, inTitle)
    }
  }
  walk(tree, false)
  // An `<h1>` that is only a link is the site logo, not the article title.
  const headings = before.filter(({ element }) => element.tagName === 'h1' && countTextUnits(textOutsideLinks(element)) >= 4)
  const titleBlocks = before.filter(
    ({ element, titled }) => titled && countTextUnits(textOutsideLinks(element)) >= 4 && !metaLine.test(hastToLines(element).join(' ')),
  )
  // Old table layouts set the title in a plain cell (<td><font size="5"><b>…的报告</b></font></td>) and give the
  // left menu's caption a title class; text that reads like a report title beats a class name.
  const reportTitles = before.filter(({ element }) => countTextUnits(textOutsideLinks(element)) >= 4 && isReportTitle(joinTitleLines(hastToLines(element))))
  const ranked = [headings.filter((entry) => reportTitles.includes(entry)), reportTitles, headings, titleBlocks]
  const titles = (ranked.find((entries) => entries.length > 0) ?? []).slice(-1).map(({ element }) => element)
  const lines: string[] = []
  for (const { element } of before) {
    const text = hastToLines(element).join(' ')
    if (titles.includes(element) && text.length <= maxMetaLine) lines.push(joinTitleLines(hastToLines(element)))
    else if (metaLine.test(text) && text.length <= maxMetaLine) lines.push(tidyByline(text))
  }
  return dedupe(lines)
}

const reportTopic = /法治|法制|依法行政|依法治/
const reportEnd = /(?:报告|情况|总结|汇报)\s*(?:[（(][^（()）]{0,30}[)）])?$/

/** Whether a line reads like the title of a rule-of-law report: its topic, ending in 报告/情况/总结, no sentence or breadcrumb. */
function isReportTitle(text: string): boolean {
  // A breadcrumb may end with the title (首页 > 政务公开 > …报告); it is not the title block.
  return text.length <= 100 && !/[。；;>»›→]|位置|首页/.test(text) && reportTopic.test(text) && reportEnd.test(text) && !metaLine.test(text)
}

/** A title broken by `<br>` read as one line: no space between Chinese characters, one between Latin words. */
function joinTitleLines(lines: readonly string[]): string {
  return lines.reduce((joined, line) => {
    if (joined === '') return line
    const wide = (code: number): boolean => code > 0x2e7f
    return wide(joined.charCodeAt(joined.length - 1)) || wide(line.charCodeAt(0)) ? joined + line : `${joined} ${line}`
  }, '')
}

/** A byline with its labels spaced apart and page controls removed: `发布时间：… 来源：…`. */
function tidyByline(text: string): string {
  return text
    .replace(anyLabel, (label: string, offset: number, whole: string) => (offset > 0 && !/[\s:：]/.test(whole[offset - 1] ?? '') ? ` ${label}` : label))
    .replace(furniture, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}

/** True for a block with no block inside it (a line of its own), or a heading. */
function isLeafBlock(element: Element): boolean {
  if (/^h[1-6]$/.test(element.tagName)) return true
  if (!isBlock(element)) return false
  return !element.children.some((child) => hasBlock(child))
}

/** True when `node` is or contains a block element. */
function hasBlock(node: Nodes): boolean {
  if (node.type !== 'element') return false
  return isBlock(node) || node.children.some((child) => hasBlock(child))
}

/** Text of an element without the text of its links. */
function textOutsideLinks(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element' || node.tagName === 'a') return ''
  return node.children.map(textOutsideLinks).join('')
}

/** True when the element (or, with `deep`, one inside it) has a title-like class or id (`.article-title`, `td.bt`). */
function hasTitleName(element: Element, deep: boolean): boolean {
  const names = [element.properties.className, element.properties.id].flat().filter((name) => typeof name === 'string')
  if (names.some((name) => /title|biaoti|(?:^|[-_])bt(?:$|[-_])/i.test(name))) return true
  return deep && element.children.some((child) => child.type === 'element' && hasTitleName(child, true))
}

/** Drop lines equal to the one before. */
function dedupe(lines: string[]): string[] {
  return lines.filter((line, index) => index === 0 || !sameText(line, lines[index - 1] ?? ''))
}

/** True when two lines read the same apart from white space. */
function sameText(left: string, right: string): boolean {
  return left.replace(/\s+/g, '') === right.replace(/\s+/g, '')
}
