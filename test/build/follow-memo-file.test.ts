import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agencyOfId, createFollowMemo, followPlans, type FollowMemo } from '../../src/analysis/index.ts'
import { contributionWriter, readFollowMemo, writeFollowMemo } from '../../src/build/follow-memo-file.ts'
import { filesAtOnce } from '../../src/build/map-limit.ts'
import { projectRoot, runCommand } from '../run-script.ts'
import type { Report } from '../../src/types.ts'
import { composeText, reportOf } from '../analysis/analysis-helpers.ts'

const plans = ['一是建设智慧矫正指挥中心，提升社区矫正监管水平；二是开展乡村法治带头人培育工程。']
const reports = [
  reportOf('2022-a', composeText('甲县司法', 2022, { plans })),
  reportOf('2023-a', composeText('甲县司法', 2023, { achievements: ['智慧矫正指挥中心建成投用。'], plans })),
  reportOf('2022-b', composeText('乙县司法', 2022, { achievements: ['乙县推进证明事项告知承诺制改革。'] })),
]
const keyOf = (report: Report): string => report.id
let work = ''
let memo: FollowMemo = createFollowMemo()

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'follow-memo-'))
  const kept = { keyOf, earlier: createFollowMemo(), now: createFollowMemo(), contributionOf: () => undefined }
  followPlans(reports, agencyOfId, kept)
  memo = kept.now
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('the follow-up memo file', () => {
  it('reads back the counts and judgements, and each report’s contribution from its own file', async () => {
    const file = path.join(work, 'state', 'analysis.follow.bin')
    await writeFollowMemo(file, 'v1', memo)
    const read = await readFollowMemo(file, 'v1')
    expect(read.earlier.counts).toEqual(memo.counts)
    expect(read.earlier.judged).toEqual(memo.judged)
    for (const [key, contribution] of memo.contributions) expect(read.contributionOf(key)).toEqual(contribution)
    expect(read.contributionOf('2024-none')).toBeUndefined()
    // Written atomically: no temporary file is left.
    expect((await readdir(path.join(work, 'state'))).sort()).toEqual(['analysis.follow', 'analysis.follow.bin'])
    expect((await readdir(path.join(work, 'state', 'analysis.follow', 'v1'))).sort()).toEqual(['2022-a.bin', '2022-b.bin', '2023-a.bin'])
  })

  it('keeps the contributions of the reports counted only, and one version’s folder', async () => {
    const file = path.join(work, 'pruned', 'analysis.follow.bin')
    await writeFollowMemo(file, 'v1', memo)
    // 2022-b is gone: its contribution with it. A new analysis version: the old folder with it.
    const kept = { keyOf, ...(await readFollowMemo(file, 'v2')), now: createFollowMemo() }
    followPlans(reports.slice(0, 2), agencyOfId, kept)
    await writeFollowMemo(file, 'v2', kept.now)
    expect(await readdir(path.join(work, 'pruned', 'analysis.follow'))).toEqual(['v2'])
    expect((await readdir(path.join(work, 'pruned', 'analysis.follow', 'v2'))).sort()).toEqual(['2022-a.bin', '2023-a.bin'])
  })

  it('takes the contributions as they are made: each on disk at once, none held, the same memo read back', async () => {
    const file = path.join(work, 'as-made', 'analysis.follow.bin')
    const folder = path.join(work, 'as-made', 'analysis.follow', 'v1')
    const seen: string[] = []
    const write = contributionWriter(file, 'v1')
    const kept = {
      keyOf,
      earlier: createFollowMemo(),
      now: createFollowMemo(),
      contributionOf: () => undefined,
      keep: (key: string, contribution: Parameters<typeof write>[1]) => {
        write(key, contribution)
        seen.push(key)
      },
    }
    followPlans(reports, agencyOfId, kept)
    expect(kept.now.contributions.size).toBe(0)
    // On disk before the memo is written: a build that stops now leaves them for the next to use or remove.
    expect((await readdir(folder)).sort()).toEqual(seen.map((key) => `${key}.bin`).sort())
    await writeFollowMemo(file, 'v1', kept.now)
    const read = await readFollowMemo(file, 'v1')
    expect(read.earlier.counts).toEqual(memo.counts)
    for (const [key, contribution] of memo.contributions) expect(read.contributionOf(key)).toEqual(contribution)
  })

  it('gives an empty memo for another analysis version, a broken file or none', async () => {
    const file = path.join(work, 'other', 'analysis.follow.bin')
    await writeFollowMemo(file, 'v1', memo)
    expect((await readFollowMemo(file, 'v2')).earlier.counts).toBeNull()
    await writeFile(file, 'not a memo')
    expect((await readFollowMemo(file, 'v1')).earlier.judged.size).toBe(0)
    expect((await readFollowMemo(path.join(work, 'missing.bin'), 'v1')).earlier.counts).toBeNull()
  })

  it('writes a file per report within the open-file limit: 2,000 under a limit of 128', async () => {
    // 2,000 contribution files with 128 descriptors: all at once this failed with EMFILE (as 100,000 did at 20,000).
    expect(filesAtOnce).toBeLessThan(100)
    const dir = await mkdtemp(path.join(tmpdir(), 'follow-memo-many-'))
    try {
      const script = path.join(projectRoot, 'test/build/fixtures/write-many-contributions.ts')
      const { code, stdout, stderr } = await runCommand('bash', ['-c', `ulimit -n 128 && exec "${process.execPath}" --import tsx "${script}" "${dir}" 2000`])
      expect(code, stderr).toBe(0)
      expect(stdout.trim()).toBe('2000')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
