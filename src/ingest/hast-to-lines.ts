import type { Nodes } from 'hast'

/** Elements that start and end a line, as a browser lays them out. */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul',
])

/** Elements whose text is never shown. */
const silentTags = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'img', 'textarea', 'option'])

/** True for an element laid out as a block (starts a new line). */
export function isBlock(node: Nodes): boolean {
  return node.type === 'element' && blockTags.has(node.tagName)
}

/**
 * The visible text of a hast node, one block per line: p, div, br, headings, li, tr, table and section end lines,
 * td/th are separated by a space; HTML white space collapses, but U+3000 and no-break spaces are kept.
 *
 * Lines are returned without blank ones and without surrounding ASCII spaces.
 */
export function hastToLines(node: Nodes): string[] {
  const state: State = { lines: [], current: '', preformatted: 0 }
  visit(node, state)
  breakLine(state)
  return state.lines
}

interface State {
  lines: string[]
  current: string
  /** Depth of `pre` elements around the node, where white space is kept. */
  preformatted: number
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
    breakLine(state)
    return
  }
  const block = blockTags.has(node.tagName)
  const cell = node.tagName === 'td' || node.tagName === 'th'
  if (block) breakLine(state)
  else if (cell && state.current.trim() !== '' && !state.current.endsWith(' ')) state.current += ' '
  if (node.tagName === 'pre') state.preformatted++
  for (const child of node.children) visit(child, state)
  if (node.tagName === 'pre') state.preformatted--
  if (block) breakLine(state)
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
