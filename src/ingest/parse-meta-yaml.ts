import { LineCounter, parseDocument, isMap, isScalar } from 'yaml'
import { createMessage } from '../messages.ts'
import type { Message, MetaOverrides } from '../types.ts'
import { validateOverrides } from './validate-overrides.ts'

/** Keys that site generators and web clippers write into front matter; they say nothing the parser uses. */
const pageKeys = new Set([
  'tags', 'categories', 'category', 'keywords', 'description', 'summary', 'author', 'authors', 'layout', 'draft', 'slug',
  'aliases', 'lang', 'created', 'updated', 'modified', 'clipped', 'source', 'cover', 'image', 'type', 'date',
])

/**
 * Read metadata YAML (a sidecar or front matter) into validated `MetaOverrides`; invalid YAML is an `invalid-meta`
 * error naming `file` and the line of the YAML error.
 *
 * `firstLine` is the line of `file` the YAML starts on (2 for front matter after its `---`). With `frontMatter`, keys a
 * site generator or clipper writes (`tags`, `author`, …) are ignored without a warning, and a valid `date` becomes a
 * `published` hint, weighed below the report's own dates.
 */
export function parseMetaYaml(text: string, file: string, firstLine = 1, frontMatter = false): {
  value: MetaOverrides
  messages: Message[]
  hints?: { published?: string }
} {
  const lineCounter = new LineCounter()
  // YAML 1.1 so that unquoted dates become timestamps, as most editors and Jekyll/Hugo users expect.
  const document = parseDocument(text, { lineCounter, version: '1.1', uniqueKeys: true })
  const error = document.errors[0]
  if (error) {
    const at = error.linePos?.[0]
    const line = at ? at.line + firstLine - 1 : null
    // yaml counts lines from the start of the YAML, not of the file, so its own position is dropped.
    const detail = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    return { value: {}, messages: [createMessage('invalid-meta', { file, line, severity: 'error' }, { yaml: detail })] }
  }
  const lines = new Map<string, number>()
  const data: unknown = document.toJS()
  if (isMap(document.contents) && isRecord(data)) {
    for (const pair of document.contents.items) {
      if (!isScalar(pair.key)) continue
      const field = String(pair.key.value)
      if (pair.key.range) lines.set(field, lineCounter.linePos(pair.key.range[0]).line + firstLine - 1)
      // YAML 1.1 rolls 2024-02-30 over to March 1st; hand the date as written to validation so it is refused.
      if (isScalar(pair.value) && pair.value.value instanceof Date && pair.value.range) {
        const written = text.slice(pair.value.range[0], pair.value.range[1]).trim()
        if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(written)) data[field] = written
      }
    }
  }
  if (!frontMatter || !isRecord(data)) return validateOverrides(data, file, (field) => lines.get(field) ?? null)
  const kept = Object.fromEntries(Object.entries(data).filter(([field]) => !pageKeys.has(field)))
  const result = validateOverrides(kept, file, (field) => lines.get(field) ?? null)
  const date = validateOverrides({ published: data['date'] }, file).value.published
  return date === undefined ? result : { ...result, hints: { published: date } }
}

/** True for a plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}
