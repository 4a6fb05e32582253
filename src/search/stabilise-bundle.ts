import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeCbor, encodeCbor, type Cbor } from './cbor.ts'
import { packPagefindFile as pack, unpackPagefindFile as unpack } from './pagefind-file.ts'

/**
 * Make a written Pagefind bundle byte-identical across builds. Pagefind 1.5 serialises filter values and the
 * filter list from hash maps, so their order (and the file names hashed from them) changes on every run
 * (Pagefind/pagefind#638). Sort them, re-hash the files and rewrite the references in the meta file and entry.
 */
export async function stabiliseBundle(bundle: string): Promise<void> {
  const entryFile = path.join(bundle, 'pagefind-entry.json')
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> }
  const renamed = new Map<string, string>()
  const filterDir = path.join(bundle, 'filter')
  // A bundle without filters (or pages) has no filter folder.
  const names = await readdir(filterDir).catch(() => [] as string[])
  for (const name of names.sort()) {
    const oldHash = name.replace(/\.pf_filter$/, '')
    const value = decodeCbor(unpack(await readFile(path.join(filterDir, name))))
    const bytes = pack(encodeCbor(sortFilter(value)))
    const newHash = `${oldHash.split('_')[0]}_${digest(bytes).slice(0, 7)}`
    renamed.set(oldHash, newHash)
    await rm(path.join(filterDir, name))
    await writeFile(path.join(filterDir, `${newHash}.pf_filter`), bytes)
  }
  for (const language of Object.values(entry.languages)) {
    const metaFile = path.join(bundle, `pagefind.${language.hash}.pf_meta`)
    const meta = decodeCbor(unpack(await readFile(metaFile)))
    const bytes = pack(encodeCbor(rewriteMeta(meta, renamed)))
    const newHash = `${language.hash.split('_')[0]}_${digest(bytes).slice(0, 10)}`
    await rm(metaFile)
    await writeFile(path.join(bundle, `pagefind.${newHash}.pf_meta`), bytes)
    language.hash = newHash
  }
  await writeFile(entryFile, JSON.stringify(entry))
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
