import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listReportFolder, sidecarPathsOf } from '../../src/ingest/index.ts'
import { listReportFiles } from '../../src/ingest/list-report-files.ts'

describe('listReportFiles', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'ingest-list-'))
    const files = [
      '2023/b.txt', '2023/a.html', '2023/a.meta.yml', '2023/c.HTM', '2022/z.md', '2022/y.markdown', '2022/x.pdf', '2022/w.xlsx',
      '2022/.hidden.txt', '.git/HEAD.txt', '2024/深圳/报告.txt', '2024/A.txt', 'readme',
      // Read: y.meta.yaml; reported: b.txt.meta.yml (wrong name), orphan.meta.yml (no report), a.meta.yaml (a.meta.yml wins).
      '2022/y.meta.yaml', '2023/b.txt.meta.yml', '2023/orphan.meta.yml', '2023/a.meta.yaml', 'permalinks.json',
    ]
    for (const file of files) {
      await mkdir(path.join(root, path.dirname(file)), { recursive: true })
      await writeFile(path.join(root, file), '报告')
    }
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('lists report files (PDF and Word too) recursively in code-point order, without sidecars, dotfiles or other types', async () => {
    const files = await listReportFiles(root)
    expect(files.map((file) => path.relative(root, file).split(path.sep).join('/'))).toEqual([
      '2022/x.pdf',
      '2022/y.markdown',
      '2022/z.md',
      '2023/a.html',
      '2023/b.txt',
      '2023/c.HTM',
      '2024/A.txt',
      '2024/深圳/报告.txt',
    ])
  })

  it('reports every metadata-looking file that no report reads, by one sidecar rule', async () => {
    const { unread } = await listReportFolder(root)
    expect(unread.map((m) => [m.file, m.ruleId, m.line])).toEqual([
      ['2023/a.meta.yaml', 'duplicate-sidecar', null],
      ['2023/b.txt.meta.yml', 'unread-metadata', null],
      ['2023/orphan.meta.yml', 'unread-metadata', null],
    ])
    expect(unread[0]?.reason).toContain('2023/a.meta.yml')
    expect(unread[1]?.reason).toContain('b.meta.yml 或 b.meta.yaml')
    expect(sidecarPathsOf('r/2022/y.markdown')).toEqual(['r/2022/y.meta.yml', 'r/2022/y.meta.yaml'])
  })
})
