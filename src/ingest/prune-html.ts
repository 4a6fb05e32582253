import type { Element, Nodes, Root } from 'hast'
import { countTextUnits } from './count-text-units.ts'
import { hastToLines } from './hast-to-lines.ts'

/** Elements that never hold report text. */
const removedTags = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'select', 'input',
  'textarea', 'nav', 'canvas', 'audio', 'video', 'map', 'link', 'meta', 'base',
])

/** A `<form>` with less text than this is a search box or login form; more means it wraps the page (ASP.NET). */
const formTextLimit = 200

/**
 * Remove, in place, everything in a page that is not reader-visible text: scripts, styles, embeds, controls,
 * navigation, small forms, and elements hidden by `display:none`, `visibility:hidden` or `hidden`.
 */
export function pruneHtml(tree: Root): Root {
  prune(tree)
  return tree
}

/** Drop unwanted children of `node`, recursively. */
function prune(node: Root | Element): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && isRemoved(child)) && child.type !== 'comment')
  for (const child of node.children) if (child.type === 'element') prune(child)
}

/** True for an element that is to be removed with its content. */
function isRemoved(element: Element): boolean {
  if (removedTags.has(element.tagName)) return true
  if (isHidden(element)) return true
  if (element.tagName === 'form') return countTextUnits(hastToLines(element as Nodes).join('\n')) < formTextLimit
  return false
}

/** True when inline style or the `hidden` attribute hides the element. */
function isHidden(element: Element): boolean {
  if (element.properties.hidden !== undefined && element.properties.hidden !== false && element.properties.hidden !== null) return true
  const style = element.properties.style
  if (typeof style !== 'string') return false
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style)
}
