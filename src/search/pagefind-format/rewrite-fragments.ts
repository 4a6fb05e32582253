import path from 'node:path'
import { createMessage } from '../../messages.ts'
import type { Message } from '../../types.ts'
import type { StoredText } from '../pagefind-input.ts'
import { packPagefindFile, unpackPagefindFile } from './pagefind-file.ts'
import type { Bundle } from './stabilise-bundle.ts'

/** Files a merged bundle needs; the search code and wasm come from the primary bundle. */
const mergedBundleData = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/
/** Pagefind's stock UIs, unused: the search page has its own. */
const stockUi = /^pagefind-(ui|modular-ui|component-ui)\./

/** True for a file a merged bundle keeps (`index/…`, `fragment/…`, the meta file…); its search code comes from the primary bundle. */
export function isMergedBundleFile(name: string): boolean {
  return mergedBundleData.test(name.split('/')[0] ?? '')
}

/** True for a file of Pagefind's stock UIs, which no bundle keeps. */
export function isStockUi(name: string): boolean {
  return stockUi.test(name)
}

/**
 * Put each page's text back into its fragment in place of the index words Pagefind stored, with the headings as
 * anchors at their block numbers; drop the `digest` meta and `group` filter, which only the index needs. The file
 * keeps its name: Pagefind finds fragments by the hash it gave them, and the digest made that hash follow the text.
 */
export function storeText(bundle: Bundle, texts: Map<string, StoredText>, outputPath: string): Message[] {
  const messages: Message[] = []
  for (const name of [...bundle.keys()].filter((key) => key.startsWith('fragment/')).sort()) {
    const fragment = JSON.parse(new TextDecoder().decode(unpackPagefindFile(bundle.get(name) ?? new Uint8Array()))) as StoredFragment
    const text = texts.get(fragment.url)
    if (!text) {
      messages.push(createMessage('pagefind-error', { file: path.join(outputPath, name), severity: 'error' }, { step: 'stored', detail: fragment.url }))
      continue
    }
    const { digest: _digest, ...meta } = fragment.meta
    const { group: _group, ...filters } = fragment.filters
    const stored = { url: fragment.url, content: text.content, word_count: fragment.word_count, filters, meta, anchors: text.anchors }
    bundle.set(name, packPagefindFile(new TextEncoder().encode(JSON.stringify(stored))))
  }
  return messages
}

/** The fields of a fragment as Pagefind writes it. */
interface StoredFragment {
  url: string
  word_count: number
  filters: Record<string, string[]>
  meta: Record<string, string>
}
