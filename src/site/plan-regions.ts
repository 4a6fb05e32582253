import { slugifyRegion } from './slugify-region.ts'
import type { Link } from './view-types.ts'

/** One region of the tree with its permalink. */
export interface RegionNode {
  name: string
  /** Names from the province down to this region. */
  path: string[]
  url: string
  /** Keys of direct children, in URL order. */
  children: string[]
}

/** The region tree and a way to link a report's administrative path into it. */
export interface RegionPlan {
  /** Nodes keyed by their names joined with `/`, in URL order. */
  nodes: Map<string, RegionNode>
  /** Keys of provinces, in URL order. */
  roots: string[]
  /** Links for each level of a path, province first. */
  linksFor: (path: readonly string[]) => Link[]
}

/**
 * Lay out `/regions/{province}/{city}/…/` pages from every administrative path in use, with pinyin slugs
 * (a sibling with the same pinyin gets `-2`).
 */
export function planRegions(paths: readonly (readonly string[])[]): RegionPlan {
  const nodes = new Map<string, RegionNode>()
  const roots: string[] = []
  const sortedPaths = [...paths].map((path) => path.filter((name) => name.trim() !== '')).sort(comparePaths)
  for (const path of sortedPaths) {
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join('/')
      if (nodes.has(key)) continue
      const parentKey = path.slice(0, depth - 1).join('/')
      const parent = depth > 1 ? nodes.get(parentKey) : undefined
      const siblings = parent ? parent.children : roots
      const base = parent ? parent.url : '/regions/'
      const taken = new Set(siblings.map((sibling) => nodes.get(sibling)?.url))
      const slug = slugifyRegion(path[depth - 1] ?? '')
      let url = `${base}${slug}/`
      for (let n = 2; taken.has(url); n++) url = `${base}${slug}-${n}/`
      nodes.set(key, { name: path[depth - 1] ?? '', path: path.slice(0, depth), url, children: [] })
      siblings.push(key)
    }
  }
  const byUrl = (a: string, b: string) => compareText(nodes.get(a)?.url ?? '', nodes.get(b)?.url ?? '')
  roots.sort(byUrl)
  for (const node of nodes.values()) node.children.sort(byUrl)
  const linksFor = (path: readonly string[]): Link[] =>
    path.flatMap((name, index) => {
      const node = nodes.get(path.slice(0, index + 1).join('/'))
      return node ? [{ label: name, url: node.url }] : []
    })
  return { nodes, roots, linksFor }
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  return compareText(a.join('/'), b.join('/'))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
