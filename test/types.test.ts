import { describe, expect, it } from 'vitest'
import type { SectionKind } from '../src/types.ts'

describe('types', () => {
  it('names the seven section kinds of the schema', async () => {
    const { readFile } = await import('node:fs/promises')
    const schema = JSON.parse(await readFile(new URL('../../shared/report.schema.json', import.meta.url), 'utf8'))
    const kinds: SectionKind[] = ['preamble', 'achievements', 'leadership', 'shortcomings', 'plans', 'other', 'closing']
    expect(schema.$defs.section.properties.kind.enum).toEqual(kinds)
  })
})
