import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { type Processor, unified } from 'unified'
import { htmlToText } from './html-to-text.ts'

/**
 * Turn a Markdown body (front matter already removed) into plain text, one line per block: headings, paragraphs,
 * list items and table rows, with markup characters dropped and the text of emphasis and links kept.
 *
 * Ordered-list numbers are kept as written (`1.`), because reports number their points that way.
 *
 * @example
 *   markdownToText('## 一、主要举措\n\n**加强**[学法](https://a.cn)') // → '一、主要举措\n加强学法'
 */
export function markdownToText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkCjkEmphasis).parse(markdown) as Root
  const lines: string[] = []
  collectBlocks(tree, markdown, lines)
  return lines.filter((line) => line.trim() !== '').join('\n')
}

/**
 * Let `**…**` close next to CJK punctuation (`**（一）…。**正文`), which CommonMark's flanking rules refuse, so bold
 * run-in headings lose their markers. `remark-cjk-friendly` itself does not install; its micromark extension does.
 */
function remarkCjkEmphasis(this: Processor): void {
  const data = this.data()
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), cjkFriendlyExtension()]
}

/** Push the lines of each block child of `parent`. */
function collectBlocks(parent: Parent, source: string, lines: string[]): void {
  for (const child of parent.children as RootContent[]) collectBlock(child, source, lines)
}

/** Push the lines of one block node. */
function collectBlock(node: RootContent, source: string, lines: string[]): void {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      lines.push(...phrasingLines(node.children))
      return
    case 'list':
      for (const item of node.children) {
        const marker = node.ordered ? orderedMarker(item, source) : ''
        const start = lines.length
        collectBlocks(item, source, lines)
        if (marker && lines.length > start) lines[start] = marker + lines[start]
      }
      return
    case 'table':
      for (const row of node.children) {
        lines.push(row.children.map((cell) => phrasingLines(cell.children).join(' ')).filter(Boolean).join(' '))
      }
      return
    case 'code':
      lines.push(...node.value.split('\n'))
      return
    case 'html':
      lines.push(...htmlToText(node.value).text.split('\n'))
      return
    case 'blockquote':
    case 'footnoteDefinition':
      collectBlocks(node, source, lines)
      return
    default:
      // thematicBreak, definition, yaml: no text of their own.
      return
  }
}

/** The list marker as written before an ordered item's content, e.g. `1.` or `2）`. */
function orderedMarker(item: Parent, source: string): string {
  const start = item.position?.start.offset
  const contentStart = item.children[0]?.position?.start.offset
  if (start === undefined || contentStart === undefined) return ''
  return source.slice(start, contentStart).trimStart()
}

/** Text of inline content, split at hard breaks; soft line breaks inside Chinese text are joined without a space. */
function phrasingLines(children: PhrasingContent[]): string[] {
  const text = children.map(phrasingText).join('')
  return text
    .split('\0')
    .map((line) => line.replace(/[ \t]*\n[ \t]*/g, (_, offset: number) => (isCjkBoundary(line, offset) ? '' : ' ')).trim())
}

/** Plain text of one inline node; hard breaks become NUL so they survive soft-break joining. */
function phrasingText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value
    case 'break':
      return '\0'
    case 'html':
      // Inline tags are markup; the text between them arrives as separate text nodes.
      return ''
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return ''
    default:
      return 'children' in node ? (node.children as Nodes[]).map(phrasingText).join('') : ''
  }
}

/** True when the soft break at `offset` sits between CJK characters (or CJK punctuation) on either side. */
function isCjkBoundary(line: string, offset: number): boolean {
  const before = line.slice(0, offset).trimEnd().slice(-1)
  const after = line.slice(offset).trimStart().slice(0, 1)
  const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/
  return cjk.test(before) || cjk.test(after)
}
