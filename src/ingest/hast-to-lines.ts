import type { Element, Nodes } from 'hast'

/** Elements that start and end a line, as a browser lays them out. */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul',
])

/** Elements whose text is never shown. */
const silentTags = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'img', 'textarea', 'option'])

/** Longest text of a table cell whose paragraphs stay on the row's line (a data cell, not a layout cell holding the article). */
const maxDataCell = 100

/** True for an element laid out as a block (starts a new line). */
export function isBlock(node: Nodes): boolean {
  return node.type === 'element' && blockTags.has(node.tagName)
}

/**
 * The visible text of a hast node, one block per line: p, div, br, headings, li, tr, table and section end lines,
 * td/th are separated by a space; the paragraphs inside a short data cell (`<td><p>指标</p></td>`, as Word writes
 * tables) stay on the row's line. HTML white space collapses, but U+3000 and no-break spaces are kept.
 *
 * Lines are returned without blank ones and without surrounding ASCII spaces.
 */
export function hastToLines(node: Nodes): string[] {
  const state: State = { lines: [], current: '', preformatted: 0, inCell: 0, rowCells: 0 }
  visit(node, state)
  breakLine(state)
  return state.lines
}

interface State {
  lines: string[]
  current: string
  /** Depth of `pre` elements around the node, where white space is kept. */
  preformatted: number
  /** Depth of data cells around the node, where blocks and `br` separate with a space instead of a line break. */
  inCell: number
  /** Cells in the table row around the node; a lone cell is layout (a signature, a title), never a data cell. */
  rowCells: number
}

/** Append the text of `node` and its descendants. */
function visit(node: Nodes, state: State): void {
  if (node.type === 'text') {
    appendText(node.value, state)
    return
  }
  if (node.type === 'root') {
    for (const child of node.children) visit(child, state)
    return
  }
  if (node.type !== 'element' || silentTags.has(node.tagName)) return
  if (node.tagName === 'br') {
    if (state.inCell > 0) separate(state)
    else breakLine(state)
    return
  }
  const block = blockTags.has(node.tagName)
  const cell = node.tagName === 'td' || node.tagName === 'th'
  const dataCell = cell && state.rowCells >= 2 && isDataCell(node)
  const rowCells = state.rowCells
  // Only cells with text count: an empty cell that pushes a signature to the right does not make a data row.
  if (node.tagName === 'tr') {
    state.rowCells = node.children.filter((child) => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th') && hasText(child)).length
  }
  if (block && state.inCell > 0) separate(state)
  else if (block) breakLine(state)
  else if (cell) separate(state)
  if (node.tagName === 'pre') state.preformatted++
  if (dataCell) state.inCell++
  for (const child of node.children) visit(child, state)
  if (dataCell) state.inCell--
  state.rowCells = rowCells
  if (node.tagName === 'pre') state.preformatted--
  if (block && state.inCell > 0) separate(state)
  else if (block) breakLine(state)
}

/** Put one space between what the line holds and what comes next. */
function separate(state: State): void {
  if (state.current.trim() !== '' && !state.current.endsWith(' ')) state.current += ' '
}

/** True when the node holds visible non-space text. */
function hasText(node: Nodes): boolean {
  if (node.type === 'text') return node.value.trim() !== ''
  if (node.type !== 'element' || silentTags.has(node.tagName)) return false
  return node.children.some(hasText)
}

/** A cell with short text and no table inside (in a row of two or more): its paragraphs are one cell, not lines of an article. */
function isDataCell(node: Element): boolean {
  let length = 0
  const walk = (child: Nodes): boolean => {
    if (child.type === 'text') {
      length += child.value.replace(/\s+/g, '').length
      return length <= maxDataCell
    }
    if (child.type !== 'element' || silentTags.has(child.tagName)) return true
    if (child.tagName === 'table') return false
    return child.children.every(walk)
  }
  return node.children.every(walk)
}

/** Add text to the current line, collapsing HTML white space (space, tab, newline, form feed) outside `pre`. */
function appendText(value: string, state: State): void {
  if (state.preformatted > 0) {
    const [first = '', ...rest] = value.split('\n')
    state.current += first
    for (const line of rest) {
      breakLine(state)
      state.current = line
    }
    return
  }
  const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ')
  // A collapsed space at a line start or after another space is not rendered.
  state.current += state.current === '' || state.current.endsWith(' ') ? collapsed.replace(/^ /, '') : collapsed
}

/** End the current line; lines that are blank (ASCII or Unicode white space only) are dropped. */
function breakLine(state: State): void {
  const line = state.current.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '')
  if (line.trim() !== '') state.lines.push(line)
  state.current = ''
}
