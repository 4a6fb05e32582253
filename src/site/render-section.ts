import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import { unified } from 'unified'
import { kindLabel } from '../vocabulary.ts'
import { paragraphAnchor } from '../paragraph-anchor.ts'
import type { Section } from '../types.ts'
import { serializeHtml } from './serialize-html.ts'

/** How to render a section. */
export interface RenderOptions {
  /** Heading level of the section itself (2 for a top-level part). */
  depth: number
  /** Give headings and paragraphs their anchors and copy-link affordances (off for cross-report views). */
  anchors: boolean
  /** Extra nodes appended inside the top-level `<section>` (e.g. a citation panel). */
  append?: ElementContent[]
  /** Notes shown after a paragraph, by paragraph anchor (`shortcomings-p2`): 「与 N 篇报告高度相似」 linking to the side-by-side view. */
  notes?: ReadonlyMap<string, { href: string; text: string }>
}

// Only what this renderer emits survives; ids are kept verbatim because anchors are the permalinks.
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  tagNames: ['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'span', 'div', 'details', 'summary', 'pre', 'code', 'dl', 'dt', 'dd', 'button'],
  attributes: {
    '*': ['id', 'className', 'ariaLabel', 'ariaLabelledBy', 'ariaHidden', 'dataKind', 'dataPagefindIgnore', 'dataCite', 'dataCiteAt', 'dataCiteAccess'],
    a: ['href'],
    button: ['type', 'hidden'],
  },
  protocols: { href: ['http', 'https'] },
  strip: ['script', 'style'],
}

const sanitizer = unified().use(rehypeSanitize, schema)

/** Render one section (heading, paragraphs, sub-sections) as sanitised HTML; every string from the report is text, never markup. */
export function renderSection(section: Section, options: RenderOptions): string {
  return serializeHtml(sectionTree(section, options))
}

/** The sanitised hast tree `renderSection` serialises. */
export function sectionTree(section: Section, options: RenderOptions): Root {
  return sanitizer.runSync({ type: 'root', children: [buildSection(section, options)] })
}

function buildSection(section: Section, options: RenderOptions): Element {
  const { depth, anchors } = options
  const tag = `h${Math.min(depth, 6)}`
  const headingText = section.heading ?? (section.number ? '' : kindLabel(section.kind))
  const heading = h(tag, anchors ? { id: section.anchor } : {}, [
    section.number ? h('span.section-number', section.number) : '',
    headingText,
  ])
  const head: ElementContent[] = []
  // Unheaded parts already show the kind as their heading.
  if (depth === 2 && section.heading !== null) head.push(h('p.kind-label', { dataPagefindIgnore: '' }, kindLabel(section.kind)))
  head.push(
    anchors
      ? h('div.section-head', [
          heading,
          h('a.copy-link', { href: `#${section.anchor}`, dataPagefindIgnore: '' }, '复制链接'),
        ])
      : heading,
  )
  // Anchors published earlier whose text is gone still land here.
  if (anchors) for (const former of section.formerAnchors ?? []) head.unshift(h('span.former-anchor', { id: former }))
  const paragraphs = section.paragraphs.map((text, index) =>
    buildParagraph(text, paragraphAnchor(section, index), index + 1, anchors, options.notes),
  )
  const children = section.children.map((child) => buildSection(child, { depth: depth + 1, anchors, ...(options.notes ? { notes: options.notes } : {}) }))
  return h(
    'section',
    anchors ? { ariaLabelledBy: section.anchor, dataKind: section.kind } : { dataKind: section.kind },
    [...head, ...paragraphs, ...children, ...(options.append ?? [])],
  )
}

function buildParagraph(text: string, id: string, n: number, anchors: boolean, notes: RenderOptions['notes']): Element {
  if (!anchors) return h('p', text)
  const note = notes?.get(id)
  return h('p', { id }, [
    text,
    h('span.para-links', { dataPagefindIgnore: '' }, [
      ' ',
      h('a.copy-link', { href: `#${id}`, ariaLabel: `复制第${n}段链接` }, '¶'),
      ' ',
      h('a.fragment-link', { href: `#:~:text=${encodeTextDirective(text)}`, ariaLabel: `按文字定位第${n}段` }, '定位'),
    ]),
    ...(note ? [' ', h('a.reuse-note', { href: note.href, dataPagefindIgnore: '' }, note.text)] : []),
  ])
}

/**
 * Encode the start of a paragraph for a text fragment: ASCII other than letters and digits (`-`, `,` and `&` are
 * directive syntax), spaces and invisible characters percent-encoded; other characters (Han, full-width punctuation)
 * as they are, which the browser encodes when it follows the link: 3 bytes a character in the page instead of 9.
 */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

function encodeTextDirective(text: string): string {
  // A lone surrogate (from a sidecar's JSON, say) would make encodeURIComponent throw: it becomes U+FFFD.
  const start = [...text.trim().replace(loneSurrogate, '\ufffd')].slice(0, 20).join('')
  return start.replace(/[^A-Za-z0-9\u0080-\u{10FFFF}]|[\s\p{C}]/gu, (character) => (character === '-' ? '%2D' : encodeURIComponent(character)))
}
