import { describe, expect, it } from 'vitest'
import { validateOverrides } from '../src/ingest/validate-overrides.ts'
import { resolveFilters } from '../src/search/index.ts'
import { kindLabels, levelLabels as browserLevelLabels } from '../templates/assets/search.core.js'
import { levelLabels, levelOf, levels, sectionKinds } from '../src/vocabulary.ts'

describe('vocabulary', () => {
  it('is what the browser is served: the level and kind labels of templates/assets/ equal src/vocabulary.ts', () => {
    expect(browserLevelLabels).toEqual(levelLabels)
    expect(Object.keys(browserLevelLabels)).toEqual(levels.map((entry) => entry.level))
    expect(kindLabels).toEqual(Object.fromEntries(sectionKinds.map((entry) => [entry.kind, entry.label])))
  })

  it('gives every word one level, and a sidecar and the search CLI take the same words', () => {
    const words = levels.flatMap((entry) => [entry.level, entry.label, ...entry.aliases])
    expect(new Set(words).size).toBe(words.length)
    for (const entry of levels) {
      for (const word of [entry.level, entry.label, ...entry.aliases]) {
        expect(levelOf(word)).toBe(entry.level)
        expect(validateOverrides({ level: word }, 'a.meta.yml').value.level).toBe(entry.level)
        expect(resolveFilters({ q: '', level: word }, {}).value?.level).toBe(entry.level)
      }
    }
    expect(levelOf('乡镇')).toBe('township')
    expect(levelOf('乡镇级')).toBe('township')
    expect(levelOf('prefecture')).toBeNull()
  })
})
