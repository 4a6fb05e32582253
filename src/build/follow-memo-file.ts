import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { filesAtOnce, mapLimit } from './map-limit.ts'
import { writeAtomically, writeAtomicallySync } from '../files/write-atomically.ts'
import { deserialize, serialize } from 'node:v8'
import { createFollowMemo, type BigramContribution, type FollowKept, type FollowMemo } from '../analysis/index.ts'

/** Bumped when the file's layout changes: with the analysis version, what a file must match to be read. */
const format = 1

/** The memo file: the counts with the reports they counted, and the judged items; contributions are files of their own. */
interface MemoFile {
  version: string
  counts: FollowMemo['counts']
  judged: FollowMemo['judged']
}

/**
 * Plan follow-up's memo (`followPlans`'s `kept`) as the build keeps it: `file` holds the bigram counts and the judged
 * items; beside it, a folder per analysis version holds each report's contribution to the counts by its sections key
 * (`<key>.bin`: the passage count, then the bigrams, 32-bit), read only for the reports that changed or went. A file
 * of another version, or one that cannot be read, gives an empty memo, and the counts are made afresh.
 */
export async function readFollowMemo(file: string, version: string): Promise<Pick<FollowKept, 'earlier' | 'contributionOf'>> {
  const folder = contributionFolder(file, version)
  let earlier = createFollowMemo()
  try {
    const read = deserialize(await readFile(file)) as MemoFile
    if (read?.version === `${format}/${version}`) earlier = { counts: read.counts, contributions: new Map(), judged: read.judged }
  } catch {
    // No memo, or an unreadable one: everything is computed.
  }
  return { earlier, contributionOf: (key) => readContribution(folder, key) }
}

/**
 * Where a run's contributions go as they are made (`FollowKept.keep`): each written at once, unless the folder has
 * it, so the run holds none. Held until the memo was written, they were every report's bigrams through the build
 * thread's analysis and its wait for the reuse worker (its buffers at 30,000 reports: 589 MB, now 139 MB). One after
 * the other and at once (~0.5 s for 10,000): written a few at a time, they waited between long synchronous steps.
 */
export function contributionWriter(file: string, version: string): NonNullable<FollowKept['keep']> {
  return openContributions(contributionFolder(file, version)).keep
}

/**
 * Write what a run kept: the memo file (atomically), the contributions the memo holds that the folder lacks (none
 * when the run wrote them as it went: `contributionWriter`), and no more contributions than the counts hold (those of
 * reports gone, and other versions' folders, are removed).
 */
export async function writeFollowMemo(file: string, version: string, memo: FollowMemo): Promise<void> {
  const folder = contributionFolder(file, version)
  await removeOtherVersions(path.dirname(folder), path.basename(folder))
  const counted = new Set(memo.counts?.counted ?? [])
  const { present, keep } = openContributions(folder)
  for (const [key, contribution] of memo.contributions) if (counted.has(key)) keep(key, contribution)
  const gone = [...present].filter((name) => !counted.has(name.replace(/\.bin$/, '')))
  await mapLimit(gone, filesAtOnce, (name) => rm(path.join(folder, name), { force: true }))
  const kept: MemoFile = { version: `${format}/${version}`, counts: memo.counts, judged: memo.judged }
  await writeAtomically(file, serialize(kept))
}

/** A contribution folder, made if need be: the names of its files, and a writer of those it lacks that adds to them. */
function openContributions(folder: string): { present: ReadonlySet<string>; keep: NonNullable<FollowKept['keep']> } {
  mkdirSync(folder, { recursive: true })
  const present = new Set(readdirSync(folder))
  const keep: NonNullable<FollowKept['keep']> = (key, contribution) => {
    const name = `${key}.bin`
    if (present.has(name)) return
    writeAtomicallySync(path.join(folder, name), encodeContribution(contribution))
    present.add(name)
  }
  return { present, keep }
}

/** The folder of one analysis version's contributions, beside the memo file and named after it. */
function contributionFolder(file: string, version: string): string {
  return path.join(file.replace(/\.bin$/, ''), version)
}

function readContribution(folder: string, key: string): BigramContribution | undefined {
  try {
    // Copied into a buffer of its own: a file's bytes may start at an offset a Uint32Array cannot view.
    const words = new Uint32Array(Uint8Array.from(readFileSync(path.join(folder, `${key}.bin`))).buffer)
    return { passages: words[0] ?? 0, bigrams: words.subarray(1) }
  } catch {
    return undefined
  }
}

function encodeContribution(contribution: BigramContribution): Uint8Array {
  const words = new Uint32Array(contribution.bigrams.length + 1)
  words[0] = contribution.passages
  words.set(contribution.bigrams, 1)
  return new Uint8Array(words.buffer)
}

async function removeOtherVersions(root: string, version: string): Promise<void> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => [])
  await Promise.all(entries.filter((entry) => entry.isDirectory() && entry.name !== version).map((entry) => rm(path.join(root, entry.name), { recursive: true, force: true })))
}
