import { diffArrays } from 'diff'
import type { ElementContent } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'

/** How two versions of a report's text differ. */
export interface VersionComparison {
  /** Characters (grapheme clusters) removed from the older text. */
  removed: number
  /** Characters added in the newer text. */
  added: number
  /** Share of the text changed: (removed + added) / (older + newer length), 0–1. */
  share: number
  /** The older text with removals in `<del>` and additions in `<ins>`; long unchanged stretches shortened. Escaped HTML. */
  html: string
}

/** Unchanged stretches longer than this are shortened to their ends. */
const keepWhole = 160
/** Characters kept at each end of a shortened stretch. */
const context = 50

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' })

/**
 * Compare two versions of a report's text character by character (grapheme clusters from `Intl.Segmenter`, so an
 * emoji or a combining mark is one character), with the `diff` library's Myers algorithm.
 */
export function compareVersions(older: string, newer: string): VersionComparison {
  const before = [...segmenter.segment(older)].map((part) => part.segment)
  const after = [...segmenter.segment(newer)].map((part) => part.segment)
  const changes = diffArrays(before, after)
  let removed = 0
  let added = 0
  const nodes: ElementContent[] = []
  for (const change of changes) {
    const text = change.value.join('')
    if (change.removed) {
      removed += change.count ?? change.value.length
      nodes.push(h('del', text))
    } else if (change.added) {
      added += change.count ?? change.value.length
      nodes.push(h('ins', text))
    } else {
      nodes.push(...shorten(change.value))
    }
  }
  const total = before.length + after.length
  return { removed, added, share: total === 0 ? 0 : (removed + added) / total, html: unified().use(rehypeStringify).stringify({ type: 'root', children: [h('div.diff', nodes)] }) }
}

/** An unchanged stretch, its middle replaced by a note of how many characters it left out when it is long. */
function shorten(segments: readonly string[]): ElementContent[] {
  if (segments.length <= keepWhole) return [{ type: 'text', value: segments.join('') }]
  const left = segments.length - 2 * context
  return [
    { type: 'text', value: segments.slice(0, context).join('') },
    h('span.diff-skip', `〔此处 ${left} 字未变〕`),
    { type: 'text', value: segments.slice(-context).join('') },
  ]
}
