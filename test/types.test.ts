import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { sectionKinds } from '../src/vocabulary.ts'
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

  it('keeps every name and meaning of the shared contract when it is beside the repository, adding only', async () => {
    const copy = JSON.parse(await readFile(schemaUrl, 'utf8')) as unknown
    const shared = existsSync(sharedUrl) ? (JSON.parse(await readFile(sharedUrl, 'utf8')) as unknown) : copy
    expect(findRemovals(shared, copy)).toEqual([])
  })

  it('publishes the level central (中央部门) beside the local levels', async () => {
    const schema = JSON.parse(await readFile(schemaUrl, 'utf8'))
    expect(schema.properties.agency.properties.level.enum).toEqual(['province', 'city', 'county', 'township', 'department', 'central', null])
  })
})

/**
 * Where `copy` drops or changes something `shared` says: a missing key, a different value, an enum value left out.
 * Added keys and added enum values (the `central` level) are allowed.
 */
function findRemovals(shared: unknown, copy: unknown, at = '$'): string[] {
  if (Array.isArray(shared)) {
    if (!Array.isArray(copy)) return [`${at}: not an array`]
    if (at.endsWith('.enum') || at.endsWith('.required')) return shared.filter((value) => !copy.includes(value)).map((value) => `${at}: ${String(value)} left out`)
    return JSON.stringify(shared) === JSON.stringify(copy) ? [] : [`${at}: changed`]
  }
  if (shared !== null && typeof shared === 'object') {
    if (copy === null || typeof copy !== 'object') return [`${at}: not an object`]
    return Object.entries(shared).flatMap(([key, value]) =>
      key in copy ? findRemovals(value, (copy as Record<string, unknown>)[key], `${at}.${key}`) : [`${at}.${key}: missing`])
  }
  return shared === copy ? [] : [`${at}: ${String(shared)} became ${String(copy)}`]
}
