import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { sectionKinds } from '../src/parse/section-kinds.ts'
import type { SectionKind } from '../src/types.ts'

const schemaUrl = new URL('../src/report.schema.json', import.meta.url)
// The team's shared contract, beside the repository in CI; a plain clone has only the copy in src/.
const sharedUrl = new URL('../../shared/report.schema.json', import.meta.url)

describe('types', () => {
  it('names the seven section kinds of the schema, in the same order as the kinds table', async () => {
    const schema = JSON.parse(await readFile(schemaUrl, 'utf8'))
    const kinds: SectionKind[] = ['preamble', 'achievements', 'leadership', 'shortcomings', 'plans', 'other', 'closing']
    expect(schema.$defs.section.properties.kind.enum).toEqual(kinds)
    expect(sectionKinds.map((entry) => entry.kind)).toEqual(kinds)
  })

  it('publishes the shared contract unchanged when it is beside the repository', async () => {
    const copy = await readFile(schemaUrl, 'utf8')
    const shared = existsSync(sharedUrl) ? await readFile(sharedUrl, 'utf8') : copy
    expect(copy).toBe(shared)
  })
})
