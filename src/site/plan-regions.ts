import { slugifyRegion } from './slugify-region.ts'
import type { Link } from './view-types.ts'

/** One region of the tree with its permalink. */
export interface RegionNode {
  name: string
  /** Names from the province down to this region. */
  path: string[]
  url: string
  /** This region's URL segment, e.g. `shaanxisheng`: also its anchor on year pages. */
  slug: string
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
  linksFor: (path: readonly string[]) => readonly Link[]
  /** Every region key → URL segment given out so far (the registry's, plus this build's new ones). */
  slugs: Record<string, string>
}

/**
 * Lay out `/regions/{province}/{city}/…/` pages from every administrative path in use, with pinyin slugs in the
 * official spelling (陕西省 `shaanxisheng`, 山西省 `shanxisheng`). A region keeps the slug `published` gave it; a new
 * region whose slug a sibling already holds gets `-2`, `-3`…, and keeps it once recorded.
 */
export function planRegions(paths: readonly (readonly string[])[], published: Readonly<Record<string, string>> = {}): RegionPlan {
  const keys = new Map<string, string[]>()
  for (const raw of paths) {
    const path = raw.filter((name) => name.trim() !== '')
    for (let depth = 1; depth <= path.length; depth++) keys.set(path.slice(0, depth).join('/'), path.slice(0, depth))
  }
  const slugs: Record<string, string> = { ...published }
  const taken = new Map<string, Set<string>>()
  const siblingsOf = (parentKey: string) => taken.get(parentKey) ?? taken.set(parentKey, new Set()).get(parentKey) ?? new Set<string>()
  for (const [key, slug] of Object.entries(published)) siblingsOf(parentOf(key)).add(slug)
  const fresh = [...keys.keys()].filter((key) => published[key] === undefined).sort(compareText)
  for (const key of fresh) {
    const siblings = siblingsOf(parentOf(key))
    const base = slugifyRegion(keys.get(key)?.at(-1) ?? '')
    let slug = base
    for (let n = 2; siblings.has(slug); n++) slug = `${base}-${n}`
    siblings.add(slug)
    slugs[key] = slug
  }
  const nodes = new Map<string, RegionNode>()
  const roots: string[] = []
  for (const [key, path] of [...keys.entries()].sort(([a], [b]) => a.split('/').length - b.split('/').length || compareText(a, b))) {
    const parent = path.length > 1 ? nodes.get(parentOf(key)) : undefined
    const slug = slugs[key] ?? ''
    nodes.set(key, { name: path[path.length - 1] ?? '', path, slug, url: `${parent ? parent.url : '/regions/'}${slug}/`, children: [] })
    if (parent) parent.children.push(key)
    else roots.push(key)
  }
  const byUrl = (a: string, b: string) => compareText(nodes.get(a)?.url ?? '', nodes.get(b)?.url ?? '')
  roots.sort(byUrl)
  for (const node of nodes.values()) node.children.sort(byUrl)
  // One list per path, shared by every report of it: made for each report, the lists and their links were ~8 MB of
  // the render's heap at 30,000 reports (a heap snapshot, docs/performance.md).
  const made = new Map<string, readonly Link[]>()
  const linksFor = (path: readonly string[]): readonly Link[] => {
    const key = path.join('/')
    const known = made.get(key)
    if (known) return known
    const links = Object.freeze(
      path.flatMap((name, index) => {
        const node = nodes.get(path.slice(0, index + 1).join('/'))
        return node ? [Object.freeze({ label: node.name, url: node.url })] : []
      }),
    )
    made.set(key, links)
    return links
  }
  return { nodes, roots, linksFor, slugs }
}

function parentOf(key: string): string {
  const at = key.lastIndexOf('/')
  return at === -1 ? '' : key.slice(0, at)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
