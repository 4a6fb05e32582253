// Regenerate the traditional → simplified table the search folds with: `npx tsx scripts/write-fold-table.ts`.
import { rename, writeFile } from 'node:fs/promises'
import { foldTableModule } from '../src/search/index.ts'

const target = 'templates/assets/search.fold.js'
await writeFile(`${target}.tmp`, foldTableModule())
await rename(`${target}.tmp`, target)
console.error(`已写入 ${target}`)
