import { describe, expect, it } from 'vitest'

describe('parse/metadata', () => {
  it('should expose the public api', async () => {
    expect(Object.keys(await import('../../../src/parse/metadata/index.ts')).sort()).toEqual(['inferMetadata'])
  })
})
