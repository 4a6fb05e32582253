import { createHash } from 'node:crypto'
import { decodeCbor, encodeCbor, type Cbor } from './cbor.ts'
import { packPagefindFile as pack, unpackPagefindFile as unpack } from './pagefind-file.ts'

/** A Pagefind bundle in memory: file paths relative to its folder (`filter/zh_1a2b3c4.pf_filter`) and their bytes. */
export type Bundle = Map<string, Uint8Array>

/**
 * Make a Pagefind bundle byte-identical across builds. Pagefind 1.5 serialises filter values and the filter list
 * from hash maps, so their order (and the file names hashed from them) changes on every run (Pagefind/pagefind#638).
 * Sort them, re-hash the files and rewrite the references in the meta file and entry. Changes `bundle` in place.
 */
export function stabiliseBundle(bundle: Bundle): void {
  const entry = JSON.parse(new TextDecoder().decode(read(bundle, 'pagefind-entry.json'))) as { languages: Record<string, { hash: string }> }
  const renamed = new Map<string, string>()
  // A bundle without filters (or pages) has no filter files.
  const names = [...bundle.keys()].filter((name) => /^filter\/[^/]+\.pf_filter$/.test(name)).sort()
  for (const name of names) {
    const oldHash = name.slice('filter/'.length).replace(/\.pf_filter$/, '')
    const value = decodeCbor(unpack(read(bundle, name)))
    const bytes = pack(encodeCbor(sortFilter(value)))
    const newHash = `${oldHash.split('_')[0]}_${digest(bytes).slice(0, 7)}`
    renamed.set(oldHash, newHash)
    bundle.delete(name)
    bundle.set(`filter/${newHash}.pf_filter`, bytes)
  }
  for (const language of Object.values(entry.languages)) {
    const metaName = `pagefind.${language.hash}.pf_meta`
    const meta = decodeCbor(unpack(read(bundle, metaName)))
    const bytes = pack(encodeCbor(rewriteMeta(meta, renamed)))
    const newHash = `${language.hash.split('_')[0]}_${digest(bytes).slice(0, 10)}`
    bundle.delete(metaName)
    bundle.set(`pagefind.${newHash}.pf_meta`, bytes)
    language.hash = newHash
  }
  bundle.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)))
}

function read(bundle: Bundle, name: string): Uint8Array {
  const bytes = bundle.get(name)
  if (!bytes) throw new Error(`Pagefind bundle has no ${name}`)
  return bytes
}

/** A filter chunk is `[name, [[value, pages], …]]`: order the values. */
function sortFilter(value: Cbor): Cbor {
  if (!Array.isArray(value) || !Array.isArray(value[1])) throw new Error('unexpected Pagefind filter chunk layout')
  return [value[0] as Cbor, [...value[1]].sort((a, b) => compare(firstOf(a), firstOf(b)))]
}

/** The meta file is `[version, pages, index chunks, filters, sorts, meta keys]`: rename and order the filters. */
function rewriteMeta(meta: Cbor, renamed: Map<string, string>): Cbor {
  if (!Array.isArray(meta) || !Array.isArray(meta[3])) throw new Error('unexpected Pagefind meta layout')
  const filters = meta[3].map((item) => {
    if (!Array.isArray(item) || typeof item[1] !== 'string') throw new Error('unexpected Pagefind filter entry')
    return [item[0] as Cbor, renamed.get(item[1]) ?? item[1]]
  })
  const copy = [...meta]
  copy[3] = filters.sort((a, b) => compare(firstOf(a), firstOf(b)))
  return copy
}

function firstOf(item: Cbor): string {
  return Array.isArray(item) && typeof item[0] === 'string' ? item[0] : ''
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
