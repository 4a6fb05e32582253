import { describe, expect, it } from 'vitest'
import { lazyProperties } from '../src/lazy-properties.ts'
import { runCommand } from './run-script.ts'

describe('lazyProperties', () => {
  const withParts = lazyProperties({ toc: (state: { calls: number; id: string }) => `${state.id}:${++state.calls}`, title: (state: { calls: number; id: string }) => state.id.toUpperCase() })

  it('gives own, enumerable properties read each time, after the object’s own, and hides its state', () => {
    const state = { calls: 0, id: 'a' }
    const view = withParts({ id: 'a', url: '/a/' }, state)
    expect(view.toc).toBe('a:1')
    expect(view.toc).toBe('a:2')
    expect(Object.keys(view)).toEqual(['id', 'url', 'toc', 'title'])
    expect(JSON.stringify(view)).toBe('{"id":"a","url":"/a/","toc":"a:3","title":"A"}')
    expect({ ...view }).toEqual({ id: 'a', url: '/a/', toc: 'a:4', title: 'A' })
    expect(Object.getOwnPropertySymbols(view).every((key) => !Object.getOwnPropertyDescriptor(view, key)?.enumerable)).toBe(true)
  })

  it('keeps a property out of JSON and spreads when asked', () => {
    const withEntries = lazyProperties({ entries: (id: string) => [id] }, { enumerable: false })
    const page = withEntries({ url: '/a/' }, 'a')
    expect(page.entries).toEqual(['a'])
    expect(JSON.stringify(page)).toBe('{"url":"/a/"}')
  })

  it('keeps only the properties named in hidden out of JSON', () => {
    const withPage = lazyProperties({ url: (id: string) => `/${id}/`, entries: (id: string) => [id] }, { hidden: ['entries'] })
    const page = withPage({ listed: 3 }, 'a')
    expect(page.entries).toEqual(['a'])
    expect(JSON.stringify(page)).toBe('{"listed":3,"url":"/a/"}')
  })

  // What it is for, and what a new V8 could change: if this fails, the objects are large again (docs/performance.md).
  it('leaves V8 the objects in fast mode, all of one hidden class, beside other lazy objects with getters of the same names, where an object literal with a getter is not', async () => {
    const run = await runCommand(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', 'test/fixtures/lazy-properties/hidden-classes.ts'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ lazyFast: true, lazySameMap: true, otherFast: true, literalFast: false })
  })
})
