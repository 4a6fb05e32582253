import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectGarbage } from '../../src/build/collect-garbage.ts'
import { loadPagefindRuntime } from '../../src/search/pagefind-format/pagefind-runtime.ts'
import type { BundleJob } from '../../src/search/write-bundle.ts'
import { writeBundles } from '../../src/search/write-bundles.ts'
import { fixturePages } from './fixture-pages.ts'
import { makeIndexRecord } from './make-index-record.ts'

let site = ''

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), 'write-bundles-'))
})
afterAll(async () => {
  await rm(site, { recursive: true, force: true })
})

describe('writeBundles', () => {
  it('lets go of a bundle\'s records once its worker thread has them, while the worker still runs', async () => {
    const runtime = await loadPagefindRuntime()
    let records: WeakRef<object> | undefined
    const job = (): BundleJob => {
      const made = fixturePages.map(makeIndexRecord)
      records = new WeakRef(made)
      return { siteDir: site, prefix: '/', folder: 'pagefind/', years: [], records: made, primary: true, group: null, runtime }
    }
    // Asked at the worker's first page: its records must be garbage by then, not held until it exits.
    let heldAtFirstPage: boolean | undefined
    const onPage = (): void => {
      if (heldAtFirstPage !== undefined) return
      collectGarbage()
      heldAtFirstPage = records?.deref() !== undefined
    }
    // With the caller busy, even one bundle is written in a worker thread.
    const [result] = await writeBundles([{ pages: fixturePages.length, job }], 2, { onPage, whileBusy: Promise.resolve() })
    expect(result?.messages).toEqual([])
    expect(result?.value?.pages).toBe(fixturePages.length)
    expect(records).toBeDefined()
    expect(heldAtFirstPage).toBe(false)
  })
})
