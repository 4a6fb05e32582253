import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { foldTableModule } from '../../src/search/fold-table.ts'
import { foldText } from '../../templates/assets/search.core.js'

describe('the traditional → simplified table', () => {
  it('is what opencc-js gives now (else run `npx tsx scripts/write-fold-table.ts` and review the diff)', async () => {
    const written = await readFile(new URL('../../templates/assets/search.fold.js', import.meta.url), 'utf8')
    expect(written === foldTableModule(), 'templates/assets/search.fold.js is stale: regenerate it with `npx tsx scripts/write-fold-table.ts`').toBe(true)
  })
  it('folds the scripts of the real reports alike', () => {
    expect(foldText('內蒙古自治區法治政府建設工作在自治區黨委、政府的領導下')).toBe(foldText('内蒙古自治区法治政府建设工作在自治区党委政府的领导下'))
  })
})
