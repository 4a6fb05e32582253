import type { Section } from '../types.ts'

/** Anchor → fingerprint of the text it pointed at when published, in document order: what a report's page promised. */
export type PublishedAnchors = Record<string, string>

/** What `keepAnchors` decided for one report. */
export interface KeptAnchors {
  /** The sections with their published anchors (and `paragraphAnchors` / `formerAnchors` where they differ). */
  sections: Section[]
  /** Every anchor the page now answers to, with its fingerprint, to record in the registry. */
  anchors: PublishedAnchors
}

/** One heading or paragraph that gets a fragment id. */
interface Target {
  section: Section
  /** Index of the paragraph in its section, or -1 for the section's heading. */
  paragraph: number
  fingerprint: string
  anchor: string | null
}

/**
 * Keep every published section and paragraph anchor pointing at the same text when the parser later splits a report
 * differently or the file is edited. A heading or paragraph whose text was published keeps the anchor it had (its kind
 * permitting: anchors start with their part's kind, which search sub-results rely on); new text takes the anchor the
 * parser gives it unless that one was published for other text still on the page, then a `-v2`, `-v3`… variant. A
 * published anchor whose text is gone stays on the page as an extra id of the nearest section, so no link breaks.
 * With nothing published (a first build) the parser's anchors are kept as they are.
 */
export function keepAnchors(sections: readonly Section[], published: PublishedAnchors): KeptAnchors {
  const copies = sections.map(copySection)
  const targets = listTargets(copies)
  const byFingerprint = new Map<string, string[]>()
  for (const [anchor, fingerprint] of Object.entries(published)) {
    const list = byFingerprint.get(fingerprint)
    if (list) list.push(anchor)
    else byFingerprint.set(fingerprint, [anchor])
  }
  const used = new Set<string>()
  // Text still on the page keeps its anchor, wherever the parser now puts it.
  for (const target of targets) {
    const candidates = byFingerprint.get(target.fingerprint) ?? []
    const anchor = candidates.find((candidate) => !used.has(candidate) && candidate.startsWith(target.section.kind))
    if (anchor === undefined) continue
    target.anchor = anchor
    used.add(anchor)
  }
  // A published anchor whose text is gone may be taken by new text in its place (an edited paragraph); one whose text
  // is still on the page, elsewhere, may not.
  const present = new Set(targets.map((target) => target.fingerprint))
  const reserved = new Set(Object.keys(published).filter((anchor) => present.has(published[anchor] ?? '')))
  const free = (anchor: string) => !used.has(anchor) && !reserved.has(anchor)
  // Targets come in document order, each section's heading before its paragraphs, so a paragraph's section is settled.
  const headingAnchor = new Map<Section, string>()
  for (const target of targets) {
    const { section, paragraph } = target
    if (target.anchor === null) {
      const wanted = paragraph === -1 ? section.anchor : `${headingAnchor.get(section) ?? section.anchor}-p${paragraph + 1}`
      let anchor = wanted
      for (let n = 2; !free(anchor) || (anchor !== wanted && anchor in published); n++) anchor = `${wanted}-v${n}`
      target.anchor = anchor
      used.add(anchor)
    }
    if (paragraph === -1) headingAnchor.set(section, target.anchor)
  }
  const anchors: PublishedAnchors = {}
  for (const target of targets) anchors[target.anchor ?? ''] = target.fingerprint
  applyTargets(targets)
  // Anchors whose text is gone: still answered, by the section they most likely sat in.
  for (const [anchor, fingerprint] of Object.entries(published)) {
    if (anchor in anchors) continue
    anchors[anchor] = fingerprint
    const home = nearestSection(anchor, copies) ?? copies[0]
    if (home) home.formerAnchors = [...(home.formerAnchors ?? []), anchor]
  }
  return { sections: copies, anchors }
}

/** The fingerprint of a heading or paragraph: FNV-1a over its text, as 8 hex digits (enough within one report). */
export function fingerprintText(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

function listTargets(sections: readonly Section[]): Target[] {
  const targets: Target[] = []
  for (const section of walk(sections)) {
    // An unheaded part (the preamble) is known by its kind and first paragraph.
    const heading = section.heading ?? `${section.kind}:${section.paragraphs[0] ?? ''}`
    targets.push({ section, paragraph: -1, fingerprint: fingerprintText(`h:${heading}`), anchor: null })
    section.paragraphs.forEach((text, paragraph) => targets.push({ section, paragraph, fingerprint: fingerprintText(`p:${text}`), anchor: null }))
  }
  return targets
}

function applyTargets(targets: readonly Target[]): void {
  for (const target of targets) {
    const { section, paragraph, anchor } = target
    if (anchor === null) continue
    if (paragraph === -1) {
      section.anchor = anchor
      continue
    }
    section.paragraphAnchors ??= section.paragraphs.map(() => '')
    section.paragraphAnchors[paragraph] = anchor
  }
  // Only sections whose paragraphs differ from `<anchor>-p<n>` carry the list.
  for (const target of targets) {
    const { section } = target
    if (section.paragraphAnchors?.every((anchor, index) => anchor === `${section.anchor}-p${index + 1}`)) delete section.paragraphAnchors
  }
}

/** The section a vanished anchor most likely sat in: strip `-p<n>`, `-v<n>` and ordinals until an anchor matches. */
function nearestSection(anchor: string, sections: readonly Section[]): Section | undefined {
  const all = [...walk(sections)]
  for (let candidate = anchor; candidate.includes('-'); candidate = candidate.slice(0, candidate.lastIndexOf('-'))) {
    const found = all.find((section) => section.anchor === candidate || section.formerAnchors?.includes(candidate))
    if (found) return found
  }
  return all.find((section) => section.anchor === anchor.split('-')[0])
}

function copySection(section: Section): Section {
  return { ...section, children: section.children.map(copySection) }
}

function* walk(sections: readonly Section[]): Generator<Section> {
  for (const section of sections) {
    yield section
    yield* walk(section.children)
  }
}
