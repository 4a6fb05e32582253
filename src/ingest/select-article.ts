import type { Element, Nodes, Root } from 'hast'
import { countTextUnits } from './count-text-units.ts'
import { isBlock } from './hast-to-lines.ts'

/** Classes Chinese government CMSs (TRS, Hanweb, UCAP, …) give the article body, lower-cased. */
const knownClasses = new Set([
  'trs_editor', 'trs_ueditor', 'trs_editor_view', 'zoom', 'pages_content', 'article-content', 'article_content',
  'articlecontent', 'article_con', 'article-con', 'xxgk_content', 'xxgk-content', 'detail-content', 'detail_content',
  'news_content', 'news-content', 'wzcon', 'zwnr', 'bt_content', 'con_main',
])

/** Ids those CMSs give the article body, lower-cased. */
const knownIds = new Set(['ucap-content', 'zoom', 'fontzoom', 'pages_content', 'contenttext', 'detail'])

/** Text units a paragraph needs before it counts towards its container (skips bylines, menu items). */
const minParagraph = 10

/** A generic container must hold at least this share of the best dense block's text to be believed. */
const minShare = 0.5

/** What one pass over the page learns about an element. */
interface Info {
  element: Element
  parent: Info | null
  /** `known` for a CMS article container, `generic` for `#content`, `.content`, `article`, `main`, `.view`. */
  container: 'known' | 'generic' | null
  /** Text units in the subtree. */
  total: number
  /** Text units inside links. */
  links: number
  /** Non-link text units directly in this block (not in nested blocks). */
  direct: number
  /** Readability score credited by the paragraphs in and under it. */
  score: number
}

/**
 * Choose the element holding the article: the tightest known CMS container (`.TRS_Editor`, `#zoom`, `#UCAP-CONTENT`,
 * …) with text, else the tightest generic container (`#content`, `.content`, `[class*=content]`, `article`), else the
 * block with the densest non-link text; the body as a last resort. One pass, linear in the page size.
 */
export function selectArticle(tree: Root): Element | Root {
  const infos: Info[] = []
  for (const child of tree.children) if (child.type === 'element') measure(child, null, null, false, infos)
  for (const info of infos) {
    if (info.direct < minParagraph) continue
    info.score += info.direct
    if (info.parent) info.parent.score += info.direct
    if (info.parent?.parent) info.parent.parent.score += info.direct / 2
  }
  const dense = findDensest(infos)
  const reference = dense ? dense.total - dense.links : 0
  // A known CMS container is believed with any text; a generic one needs a paragraph's worth and a fair share of
  // the densest block's text, since `.content` also names sidebars.
  for (const [kind, minimum, share] of [['known', 1, 0], ['generic', minParagraph, minShare]] as const) {
    const candidates = infos.filter((info) => {
      const own = info.total - info.links
      return info.container === kind && own >= minimum && info.links <= info.total / 2 && own >= reference * share
    })
    const most = Math.max(0, ...candidates.map((info) => info.total - info.links))
    // The tightest container holding nearly all the text: wrappers add footers and sidebars, not article.
    let best: Info | null = null
    for (const candidate of candidates) {
      const own = candidate.total - candidate.links
      if (own >= most * 0.8 && (!best || own < best.total - best.links)) best = candidate
    }
    if (best) return best.element
  }
  return dense?.element ?? infos.find((info) => info.element.tagName === 'body')?.element ?? tree
}

/**
 * Record `element` and its descendants in `infos` (document order) and return its info; `owner` is the nearest block
 * whose direct text the element's inline text belongs to.
 */
function measure(element: Element, parent: Info | null, owner: Info | null, inLink: boolean, infos: Info[]): Info {
  const info: Info = { element, parent, container: classify(element), total: 0, links: 0, direct: 0, score: 0 }
  infos.push(info)
  const link = inLink || element.tagName === 'a'
  const ownsText = isBlock(element) || element.tagName === 'td' || element.tagName === 'th'
  const textOwner = ownsText ? info : owner
  for (const child of element.children as Nodes[]) {
    if (child.type === 'text') {
      const units = countTextUnits(child.value)
      info.total += units
      if (link) info.links += units
      else if (textOwner) textOwner.direct += units
    } else if (child.type === 'element') {
      const sub = measure(child, info, textOwner, link, infos)
      info.total += sub.total
      info.links += sub.links
    }
  }
  return info
}

/** Whether an element is a known CMS article container, a generic content container, or neither. */
function classify(element: Element): Info['container'] {
  const id = typeof element.properties.id === 'string' ? element.properties.id.toLowerCase() : ''
  const classes = Array.isArray(element.properties.className) ? element.properties.className.map((name) => String(name).toLowerCase()) : []
  if (knownIds.has(id) || classes.some((name) => knownClasses.has(name))) return 'known'
  if (element.tagName === 'article' || element.tagName === 'main') return 'generic'
  if (id.includes('content') || classes.some((name) => name.includes('content') || name === 'view')) return 'generic'
  return null
}

/** The block with the highest score after discounting link text; on a tie the later (inner) block wins. */
function findDensest(infos: Info[]): Info | null {
  let best: Info | null = null
  let bestScore = 0
  for (const info of infos) {
    if (info.element.tagName === 'html' || info.element.tagName === 'head') continue
    const score = info.total === 0 ? 0 : info.score * (1 - info.links / info.total)
    if (score > 0 && score >= bestScore) {
      best = info
      bestScore = score
    }
  }
  return best
}
