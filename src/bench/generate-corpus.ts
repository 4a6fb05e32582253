import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pinyin } from 'pinyin-pro'
import { createMessage, formatMessage } from '../messages.ts'
import { composeReport, type SourceReport } from './compose-report.ts'
import { createRandom } from './create-random.ts'
import { pickAgency, type SyntheticAgency } from './pick-agency.ts'
import { splitSource } from './split-source.ts'

/** Options for `generateCorpus`. */
export interface CorpusOptions {
  /** How many reports to write. */
  count: number
  /** Folder to write `<year>/<slug>.txt` into; created when missing. */
  outDir: string
  /** Folder of real reports to recombine (its `.txt` files, any depth). */
  sourceRoot: string
  /** Seed; the same seed and sources give the same corpus. Default 1. */
  seed?: number
  /** Years reported on, inclusive. Default 2019–2024. */
  years?: [number, number]
}

/** One generated report and the truth about it, to check what the parser infers. */
export interface CorpusEntry {
  /** Path relative to `outDir`, e.g. `2022/bazhong-sfj-000012.txt`. */
  file: string
  /** The year reported on. */
  year: number
  /** The body the report was written for. */
  agency: SyntheticAgency
}

/** Write a synthetic corpus of report text files recombined from real reports; returns what it wrote, in order. */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusEntry[]> {
  const sources = await readSources(options.sourceRoot)
  if (sources.length === 0) throw new Error(formatMessage(createMessage('no-source-reports', { file: options.sourceRoot, severity: 'error' })))
  const random = createRandom(options.seed ?? 1)
  const [first, last] = options.years ?? [2019, 2024]
  const entries: CorpusEntry[] = []
  const pending: Promise<void>[] = []
  const madeDirs = new Set<string>()
  for (let index = 0; index < options.count; index++) {
    const agency = pickAgency(random)
    const year = random.int(first, last)
    const text = composeReport(sources, { agency, year }, random)
    const file = `${year}/${slugOf(agency.region, agency.name)}-${String(index).padStart(6, '0')}.txt`
    entries.push({ file, year, agency })
    const target = path.join(options.outDir, file)
    const dir = path.dirname(target)
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true })
      madeDirs.add(dir)
    }
    pending.push(writeFile(target, text))
    // Bound open files on large corpora.
    if (pending.length >= 256) await Promise.all(pending.splice(0))
  }
  await Promise.all(pending)
  return entries
}

/** Read and cut every `.txt` report under a folder, in sorted order so the corpus is deterministic. */
async function readSources(root: string): Promise<SourceReport[]> {
  const entries = await readdir(root, { recursive: true })
  const files = entries.filter((entry) => entry.endsWith('.txt')).sort()
  const sources: SourceReport[] = []
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8')
    const pieces = splitSource(text)
    if (pieces.parts.length === 0) continue
    const year = Number(/(?:^|[/\\])((?:19|20)\d\d)[/\\]/.exec(file)?.[1] ?? /((?:19|20)\d\d)年/.exec(text)?.[1] ?? 2022)
    sources.push({ year, pieces })
  }
  return sources
}

/** ASCII file slug from the last region name and the body, e.g. `wuqing-qrmzf`. */
function slugOf(region: readonly string[], name: string): string {
  const place = (region[region.length - 1] ?? '').replace(/(省|市|区|县|镇|乡|街道|自治州|自治县|地区|盟|旗)$/, '')
  const placeSlug = pinyin(place, { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '')
  const bodySlug = pinyin(name.slice(-6), { pattern: 'first', toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '')
  return `${placeSlug || 'x'}-${bodySlug || 'x'}`
}
