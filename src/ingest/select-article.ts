import type { Element, Nodes, Root } from 'hast'
import { selectAll } from 'hast-util-select'
import { countCjk } from './count-cjk.ts'
import { isBlock } from './hast-to-lines.ts'

/** Containers Chinese government CMSs (TRS, Hanweb, UCAP, …) put the article body in, most specific first. */
const knownContainers = [
  '.TRS_Editor', '.TRS_UEDITOR', '.trs_editor_view', '#UCAP-CONTENT', '#zoom', '#Zoom', '.zoom', '#fontzoom',
  '.pages_content', '#pages_content', '.article-content', '.article_content', '.articleContent', '.article_con',
  '.article-con', '#contentText', '.xxgk_content', '.xxgk-content', '.detail-content', '.detail_content',
  '.news_content', '.news-content', '.wzcon', '.zwnr', '#detail', '.bt_content', '.con_main',
]

/** Generic containers that may also wrap sidebars, so they are weighed against each other. */
const genericContainers = ['#content', '.content', 'article', '.view', '[class*=content]', '[id*=content]', 'main']

/** Text units a paragraph needs before it counts towards its container (skips bylines, menu items). */
const minParagraph = 10

/** A generic container must hold at least this share of the best dense block's text to be believed. */
const minShare = 0.5

/**
 * Choose the element holding the article: the tightest known CMS container with real text, else the tightest generic
 * container, else the block with the densest non-link text; the body as a last resort.
 */
export function selectArticle(tree: Root): Element | Root {
  const weights = new Map<Element, Weight>()
  const dense = findDensest(tree, weights)
  const reference = dense ? weigh(dense, weights).own : 0
  // A known CMS container is believed with any text; a generic one needs a paragraph's worth and a fair share of
  // the densest block's text, since `.content` also names sidebars.
  for (const [selectors, minimum, share] of [[knownContainers, 1, 0], [genericContainers, minParagraph, minShare]] as const) {
    const candidates = selectAll(selectors.join(','), tree)
      .map((element) => ({ element, weight: weigh(element, weights) }))
      .filter(({ weight }) => weight.own >= minimum && weight.links <= weight.total / 2 && weight.own >= reference * share)
    const most = Math.max(0, ...candidates.map(({ weight }) => weight.own))
    // The tightest container holding nearly all the text: wrappers add footers and sidebars, not article.
    let best: { element: Element; weight: Weight } | null = null
    for (const candidate of candidates) {
      if (candidate.weight.own >= most * 0.8 && (!best || candidate.weight.own < best.weight.own)) best = candidate
    }
    if (best) return best.element
  }
  return dense ?? (selectAll('body', tree)[0] ?? tree)
}

/** Text units of an element: all of it, inside links, and outside links (`own`). */
interface Weight {
  total: number
  links: number
  own: number
}

/** Memoised weight of an element's subtree. */
function weigh(element: Element, weights: Map<Element, Weight>): Weight {
  let weight = weights.get(element)
  if (!weight) {
    weight = { total: 0, links: 0, own: 0 }
    accumulate(element, false, weight)
    weight.own = weight.total - weight.links
    weights.set(element, weight)
  }
  return weight
}

/** Add the text units below `node` to `weight`. */
function accumulate(node: Nodes, inLink: boolean, weight: Weight): void {
  if (node.type === 'text') {
    const units = countCjk(node.value)
    weight.total += units
    if (inLink) weight.links += units
  } else if (node.type === 'element' || node.type === 'root') {
    const link = inLink || (node.type === 'element' && node.tagName === 'a')
    for (const child of node.children) accumulate(child, link, weight)
  }
}

/**
 * The block with the highest readability score: each paragraph-like block credits its own non-link text to itself
 * and its parent, half to its grandparent; scores shrink with the share of link text.
 */
function findDensest(tree: Root, weights: Map<Element, Weight>): Element | null {
  const scores = new Map<Element, number>()
  const order: Element[] = []
  const walk = (node: Element | Root, ancestors: Element[]): void => {
    if (node.type === 'element') order.push(node)
    const own = node.type === 'element' ? directText(node) : 0
    if (node.type === 'element' && own >= minParagraph) {
      credit(scores, node, own)
      const parent = ancestors.at(-1)
      const grandparent = ancestors.at(-2)
      if (parent) credit(scores, parent, own)
      if (grandparent) credit(scores, grandparent, own / 2)
    }
    const next = node.type === 'element' ? [...ancestors, node] : ancestors
    for (const child of node.children) if (child.type === 'element') walk(child, next)
  }
  walk(tree, [])
  let best: Element | null = null
  let bestScore = 0
  for (const element of order) {
    if (element.tagName === 'html' || element.tagName === 'head') continue
    const weight = weigh(element, weights)
    const score = (scores.get(element) ?? 0) * (weight.total === 0 ? 0 : 1 - weight.links / weight.total)
    // `>=` so that, on a tie, the inner block wins over the wrapper that only passes its score on.
    if (score > 0 && score >= bestScore) {
      best = element
      bestScore = score
    }
  }
  return best
}

/** Add `amount` to an element's score. */
function credit(scores: Map<Element, number>, element: Element, amount: number): void {
  scores.set(element, (scores.get(element) ?? 0) + amount)
}

/** Non-link text units directly in a block: its text and inline descendants, not nested blocks or links. */
function directText(element: Element): number {
  let units = 0
  const walk = (node: Nodes): void => {
    if (node.type === 'text') units += countCjk(node.value)
    else if (node.type === 'element' && node.tagName !== 'a') {
      for (const child of node.children) if (!isBlock(child)) walk(child)
    }
  }
  for (const child of element.children) if (!isBlock(child)) walk(child)
  return units
}
