import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/**
 * A `fetch` that also reads `file:` URLs from disk (Node's cannot), for running Pagefind's browser bundle in Node;
 * other URLs go to `networkFetch`. `onRead` sees each file served, e.g. to count bytes.
 * @example globalThis.fetch = fileFetch(globalThis.fetch)
 */
export function fileFetch(networkFetch: typeof fetch, onRead?: (file: string, bytes: Uint8Array) => void): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.startsWith('file:')) return networkFetch(input, init)
    const file = fileURLToPath(url.replace(/[?#].*$/, ''))
    try {
      const bytes = await readFile(file)
      onRead?.(file, bytes)
      const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream'
      return new Response(bytes, { status: 200, headers: { 'content-type': type } })
    } catch {
      return new Response(null, { status: 404 })
    }
  }
}
