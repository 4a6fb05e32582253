import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listReportFiles } from '../../src/ingest/list-report-files.ts'

describe('listReportFiles', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ingest-list-'))
    const files = [
      '2023/b.txt', '2023/a.html', '2023/a.meta.yml', '2023/c.HTM', '2022/z.md', '2022/y.markdown', '2022/x.pdf',
      '2022/.hidden.txt', '.git/HEAD.txt', '2024/深圳/报告.txt', '2024/A.txt', 'readme',
    ]
    for (const file of files) {
      await mkdir(path.join(root, path.dirname(file)), { recursive: true })
      await writeFile(path.join(root, file), '报告')
    }
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('lists report files recursively in code-point order, without sidecars, dotfiles or other types', async () => {
    const files = await listReportFiles(root)
    expect(files.map((file) => path.relative(root, file).split(path.sep).join('/'))).toEqual([
      '2022/y.markdown',
      '2022/z.md',
      '2023/a.html',
      '2023/b.txt',
      '2023/c.HTM',
      '2024/A.txt',
      '2024/深圳/报告.txt',
    ])
  })
})
