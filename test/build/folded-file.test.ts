import { readdirSync, readlinkSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agencyOfId, createReuseMemo, findReuse, type FoldedTexts, type ReuseMemo } from '../../src/analysis/index.ts'
import { openFoldedFile, type FoldedFile } from '../../src/build/folded-file.ts'
import type { Report } from '../../src/types.ts'
import { composeText, reportOf } from '../analysis/analysis-helpers.ts'

function opened(): FoldedFile {
  const file = openFoldedFile()
  if (!file) throw new Error('no temporary file')
  return file
}

/** Where the folded file's descriptor points, as Linux lists this process's descriptors; undefined when none is open. */
function foldedDescriptorTarget(): string | undefined {
  const targets = readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`)
    } catch {
      // Closed since listed (the listing's own).
      return ''
    }
  })
  return targets.find((target) => target.includes('fazhi-folded-'))
}

describe('the folded file', () => {
  it('is open with no name left, and gives back each text as added, in any order, past the pieces it writes in', () => {
    const file = opened()
    try {
      expect(foldedDescriptorTarget()).toMatch(/ \(deleted\)$/)
      // ~2.4 MB each (2 bytes a code unit): the file is written in 4 MB pieces, some read while still unwritten.
      const long = (mark: string) => `${mark}${'行政执法'.repeat(300_000)}`
      const texts = new Map<number, string>([
        [0, '依法行政'],
        [3, long('甲')],
        [1, ''],
        // A lone surrogate and an astral character read back as they were.
        [2, 'a\ud800b𠀀c'],
        [5000, long('乙')],
        [7, '法治政府'],
      ])
      for (const [para, text] of texts) file.add(para, text)
      for (const [para, text] of [...texts].reverse()) expect(file.get(para)).toBe(text)
      // Read twice: the second from the recently read.
      expect(file.get(3)).toBe(long('甲'))
      expect(file.get(4)).toBeUndefined()
      expect(file.get(6000)).toBeUndefined()
    } finally {
      file.close()
    }
    expect(foldedDescriptorTarget()).toBeUndefined()
  })
})

describe('findReuse with its folded paragraphs in the file', () => {
  const copied = '我局建立了覆盖全县十二个乡镇的行政执法监督网络，聘请三十名特邀行政执法监督员，全年开展专项执法检查四十二次。'
  const edited = '我局建立了覆蓋全縣十二個乡镇的行政执法监督網絡，聘请三十五名特邀行政执法监督员，全年开展专项执法检查42次。'
  const reports = ['a', 'b', 'c', 'd', 'e'].map((slug, index) =>
    reportOf(`2022-${slug}`, composeText(`${slug}县`, 2022, { achievements: [index % 2 === 0 ? copied : edited, `${slug}县的公共法律服务平台实现村居全覆盖，${slug.repeat(4)}。`] })),
  )
  const keyOf = (report: Report): string => JSON.stringify(report.sections)

  /** Find the reuse with the texts released, as the reuse worker does, its folded paragraphs in `folded`. */
  const released = (folded: FoldedTexts | undefined, earlier?: ReuseMemo) => {
    const own = structuredClone(reports)
    const kept = earlier ? { keyOf: (report: Report) => keyOf(reports.find((each) => each.id === report.id) ?? report), earlier, now: createReuseMemo() } : undefined
    const found = findReuse(own, {
      agencyOf: agencyOfId,
      ...(folded ? { folded } : {}),
      ...(kept ? { kept } : {}),
      releaseTexts: () => {
        for (const report of own) report.sections = []
      },
    })
    return { found, now: kept?.now }
  }

  it('finds what it finds in memory, without a memo and from one (paragraphs then folded as they are read)', () => {
    const inMemory = released(undefined, createReuseMemo())
    expect(inMemory.found.byReport.get('2022-a')?.reuse.length).toBeGreaterThan(0)
    const cold = opened()
    const warm = opened()
    try {
      expect(released(cold).found).toEqual(inMemory.found)
      expect(released(warm, inMemory.now).found).toEqual(inMemory.found)
    } finally {
      cold.close()
      warm.close()
    }
  })
})
