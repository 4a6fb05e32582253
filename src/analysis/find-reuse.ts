import type { Report, SectionKind } from '../types.ts'
import { alignPassages } from './align-passages.ts'
import type { RepeatedPassage, ReuseLink } from './analysis-types.ts'
import { collectParagraphs, type ParagraphSection, type PlacedParagraph } from './collect-paragraphs.ts'
import { foldPassage } from './fold-passage.ts'
import { lcsLength } from './lcs-length.ts'
import { lazyReportReuse, listingTextOf, reuseSummaryOf, type ListingText } from './listing-text.ts'
import { growTyped } from '../grow-typed.ts'
import { lazyProperties } from '../lazy-properties.ts'
import { bandKey, bands, minHash, mix, signatureLength } from './min-hash.ts'
import { sharedCharsOf, sharedCharsOfCopy } from './shared-grams.ts'
import { splitUnits } from './split-units.ts'

/** What `findReuse` reads of a report: its id, year and paragraphs; a `Report` is one. */
export type ReuseReport = Pick<Report, 'id' | 'year'> & { sections: readonly ParagraphSection[] }

/** Options for `findReuse`. */
export interface ReuseOptions<R extends ReuseReport = ReuseReport> {
  /** The agency a report belongs to (reports of one agency share it), to tell 跨年重复 from 跨机构雷同. */
  agencyOf: (report: R) => string
  /** Other paragraphs listed per reused paragraph (the closest; the same agency's closest is added when not among them). Default `listedPerParagraph`. */
  perParagraph?: number
  /** Other-agency paragraphs looked at per cluster when choosing the closest (the same agency's are always looked at). Default 10; counting uses all. */
  perCluster?: number
  /** Passages listed per year and part on the boilerplate page. Default 20. */
  perPart?: number
  /** Uses listed per repeated passage. Default 50. */
  usesPerPassage?: number
  /** Results of an earlier run to use, and where this run keeps its own (src/build/reuse-beside.ts). */
  kept?: ReuseKept<R>
  /**
   * How a listing made here is kept, given its text. Default: the text in memory
   * (`lazyReportReuse`). The reuse worker writes each to its listings file as it is made: at 100,000 reports the
   * texts (~1.5 GB) piled up in its heap beside the reports and their folded text, its peak.
   */
  keepListing?: (text: ListingText) => ReportReuse
  /**
   * Given, called as soon as the reports' units are made: from then on the paragraphs as written are read no more
   * (each one folded is held only folded from then on, so a report's text as written can go while the next ones are
   * folded; a memo's, never folded, are held apart), and each repeated passage names
   * its paragraph and folded ranges (`source`) instead of its text, for the caller to write (`writePassageTexts`).
   * The reuse worker empties its copies of the reports' sections there: at 100,000 reports they are ~1.5 GB of its
   * heap beside their folded text, through the clustering and the listing.
   */
  releaseTexts?: () => void
  /**
   * Where the folded paragraphs are kept: default in memory. The reuse worker of a large build keeps them in a file
   * (src/build/folded-file.ts): at 100,000 reports they are ~0.7 GB, a third of its heap, and each is read a few times.
   */
  folded?: FoldedTexts
  /**
   * Where the units' band keys go once the units are clustered (only the memo reads them after): given the keys and
   * how many a unit has, a reader of a stretch of units, or null to keep them. Default: kept in memory. The reuse
   * worker of a large build writes them to a file (src/build/spilled-keys.ts): ~210 MB at 100,000 reports.
   */
  spillBands?: (keys: Uint32Array, width: number) => ((from: number, to: number) => Uint32Array) | null
}

/** A store of folded paragraphs, by their number in the corpus (`collectParagraphs` order, report after report). */
export interface FoldedTexts {
  /** Keep a paragraph's folded text (each paragraph at most once, not necessarily in order). */
  add: (para: number, folded: string) => void
  /** A paragraph's folded text, if added. */
  get: (para: number) => string | undefined
}

/** Folded paragraphs in an array. */
function foldedInMemory(): FoldedTexts {
  const texts: (string | undefined)[] = []
  return { add: (para, folded) => void (texts[para] = folded), get: (para) => texts[para] }
}

/**
 * What `findReuse` keeps between runs. Each entry is keyed by everything it was computed from, so a kept entry is
 * what computing it again would give: a report's units by its sections, an alignment by both texts, a report's
 * listing by the report, every member, in order, of the clusters its units are in, and the reports it lists.
 */
export interface ReuseMemo {
  units: Map<string, ReportUnits>
  aligned: Map<string, boolean>
  /** A listing with the sections keys of the reports it lists, the only texts of others it reads. */
  listings: Map<string, KeptListing>
}

/** A kept listing, with the sections keys of the reports it names. */
export interface KeptListing {
  listing: ReportReuse
  reads: string
}

/** An earlier run's memo to read and this run's to fill (with what this run used: the memo follows the archive). */
export interface ReuseKept<R extends ReuseReport = ReuseReport> {
  /** A key of a report's sections: equal keys mean equal paragraphs. */
  keyOf: (report: R) => string
  /** Read, not kept: its units are let go (cleared) once the reports' units are made from them. */
  earlier: ReuseMemo
  now: ReuseMemo
}

/** An empty memo. */
export function createReuseMemo(): ReuseMemo {
  return { units: new Map(), aligned: new Map(), listings: new Map() }
}

/** A report's units: per unit its paragraph (in `collectParagraphs` order), folded range, two text hashes and LSH band keys. */
export interface ReportUnits {
  para: Int32Array
  start: Int32Array
  end: Int32Array
  hashA: Uint32Array
  hashB: Uint32Array
  /** `bands` keys per unit. */
  bandKeys: Uint32Array
  /** Folded characters of all its paragraphs. */
  chars: number
}

/** What `findReuse` finds for one report: kept as its JSON text (`lazyReportReuse`), read when asked for. */
export interface ReportReuse {
  reuse: ReuseLink[]
  reuseCounts: { anchor: string; reports: number; sameAgency: number }[]
  reusedShare: number
}

/** What `findReuse` finds, per report and per year and part. */
export interface ReuseFindings {
  byReport: Map<string, ReportReuse>
  /** Key `{year|undated}/{kind}`: the passages most reports of that year use in that part, most used first. */
  repeated: Map<string, RepeatedPassage[]>
}

/** Aligned characters two units must share, and the share of the shorter one they must cover. */
export const minSharedChars = 20
export const minCoverage = 0.8
/** Other paragraphs listed per reused paragraph: the closest by shared characters (the count of all stays exact). */
export const listedPerParagraph = 3
/** Units a bucket compares a newcomer with before making it a leader of its own. */
const leadersPerBucket = 16
/** Reports a passage must be used by to appear on the boilerplate page. */
const minRepeatedReports = 3
/** Passages the boilerplate page lists per year and part, and uses listed per passage. */
export const repeatedPerPart = 20
export const usesPerPassage = 50

/**
 * Find text reuse across reports: fold every paragraph (the search's fold), cut it into sentence units of 20+
 * characters, find candidate pairs by MinHash/LSH over character 4-grams, verify each by local alignment (≥ 20
 * characters aligned, covering ≥ 80% of the shorter unit), and join verified units into clusters. A stock phrase of
 * a few characters never covers 80% of a 20-character unit, so it never counts. Deterministic: reports are taken in
 * id order and every tie is broken by position.
 */
export function findReuse<R extends ReuseReport>(reports: readonly R[], options: ReuseOptions<R>): ReuseFindings {
  const sorted = [...reports].sort((a, b) => compare(a.id, b.id))
  // Clustering and listing read folded text; only the repeated passages' text is read as written, from the reports.
  const corpus = indexUnits(sorted, options.kept, options.folded ?? foldedInMemory(), options.releaseTexts !== undefined)
  // The corpus has copied the kept units it uses: a rebuild held them twice (~0.3 GB at 100,000 reports) otherwise.
  options.kept?.earlier.units.clear()
  options.releaseTexts?.()
  const parent = clusterUnits(corpus)
  const spilled = options.spillBands?.(corpus.unitBands, bands)
  if (spilled) {
    corpus.columns.bandsOf = spilled
    corpus.unitBands = new Uint32Array(0)
  }
  const clusters = collectClusters(corpus, parent)
  const repeated = listRepeated(sorted, corpus, clusters, options.perPart ?? repeatedPerPart, options.usesPerPassage ?? usesPerPassage)
  if (!options.releaseTexts) {
    const byId = new Map(sorted.map((report) => [report.id, report]))
    writePassageTexts(repeated, (id) => byId.get(id))
  }
  const agencies = sorted.map(options.agencyOf)
  const keep = options.keepListing ?? lazyReportReuse
  const byReport = listReuse(sorted, corpus, clusters, agencies, { perParagraph: options.perParagraph ?? listedPerParagraph, perCluster: options.perCluster ?? 10, keep })
  return { byReport, repeated }
}

/** Every paragraph and unit of the corpus in flat arrays: at 10,000 reports there are over a million units. */
interface Corpus {
  paraReport: Int32Array
  /** Each paragraph's anchor, as its place in `anchors` (anchors repeat from report to report: `s2-p3`). */
  paraAnchor: Int32Array
  anchors: string[]
  /** Each paragraph's kind, as its place in `kinds`. */
  paraKind: Uint8Array
  kinds: SectionKind[]
  paraText: string[]
  /** Folded paragraphs, filled as they are read (`foldedOf`): with a memo most are never needed. */
  folded: FoldedTexts
  unitPara: Int32Array
  unitStart: Int32Array
  unitEnd: Int32Array
  unitHashA: Uint32Array
  unitHashB: Uint32Array
  unitBands: Uint32Array
  /** The unit columns the memo's units read (`withUnitViews`), apart from the rest of the corpus. */
  columns: UnitColumns
  units: number
  /** Each report's first unit, and the number of units at the end. */
  reportUnits: Int32Array
  /** Folded characters per report, all paragraphs. */
  reportChars: number[]
  kept: Pick<ReuseKept, 'earlier' | 'now'> | undefined
  /** Each report's sections key (`kept.keyOf`), when there is a memo. */
  reportKeys: (string | undefined)[]
}

/**
 * The corpus of the reports' paragraphs and units. `foldedOnly`: a paragraph folded here is kept folded, not also
 * as written (the reports' text is released once this is made), so a report's text as written is let go while the
 * next ones are folded.
 */
function indexUnits<R extends ReuseReport>(reports: readonly R[], kept: ReuseKept<R> | undefined, folded: FoldedTexts, foldedOnly: boolean): Corpus {
  const paraReport = typedAppender(Int32Array)
  const paraAnchor = typedAppender(Int32Array)
  const paraKind = typedAppender(Uint8Array)
  const paraText: string[] = []
  // Anchors and kinds repeat from report to report ("s2-p3", "plans"): each held once, a paragraph holding its
  // place (a report read from the parse cache has strings of its own): as a string each, ~150 MB at 100,000 reports;
  // as a JS array of them, 8 bytes a paragraph more.
  const anchors = new Map<string, number>()
  const kinds = new Map<SectionKind, number>()
  const placeOf = <T extends string>(held: Map<T, number>, text: T): number => held.get(text) ?? (held.set(text, held.size), held.size - 1)
  const reportKeys = reports.map((report) => kept?.keyOf(report))
  const blocks = reports.map((report, reportIndex) => {
    const paragraphs = collectParagraphs(report)
    const first = paraText.length
    for (const paragraph of paragraphs) {
      paraReport.push(reportIndex)
      paraAnchor.push(placeOf(anchors, paragraph.anchor))
      paraKind.push(placeOf(kinds, paragraph.kind))
      paraText.push(paragraph.text)
    }
    const key = reportKeys[reportIndex]
    const block =
      (key === undefined ? undefined : kept?.earlier.units.get(key)) ??
      unitsOfParagraphs(paragraphs, (index, text) => {
        folded.add(first + index, text)
        if (foldedOnly) paraText[first + index] = ''
      })
    return { first, block }
  })
  const units = blocks.reduce((sum, { block }) => sum + block.para.length, 0)
  const unitBands = new Uint32Array(units * bands)
  // Apart from the rest of the corpus: the memo's units hold these, and must not keep the rest once it is done with.
  const columns: UnitColumns = {
    unitPara: new Int32Array(units),
    unitStart: new Int32Array(units),
    unitEnd: new Int32Array(units),
    unitHashA: new Uint32Array(units),
    unitHashB: new Uint32Array(units),
    bandsOf: bandsIn(unitBands),
  }
  const corpus: Corpus = {
    paraReport: paraReport.done(),
    paraAnchor: paraAnchor.done(),
    anchors: [...anchors.keys()],
    paraKind: paraKind.done(),
    kinds: [...kinds.keys()],
    paraText,
    folded,
    unitPara: columns.unitPara,
    unitStart: columns.unitStart,
    unitEnd: columns.unitEnd,
    unitHashA: columns.unitHashA,
    unitHashB: columns.unitHashB,
    unitBands,
    columns,
    units,
    reportUnits: new Int32Array(reports.length + 1),
    reportChars: blocks.map(({ block }) => block.chars),
    kept,
    reportKeys,
  }
  let at = 0
  blocks.forEach(({ first, block }, reportIndex) => {
    corpus.reportUnits[reportIndex] = at
    for (let index = 0; index < block.para.length; index++) corpus.unitPara[at + index] = first + (block.para[index] ?? 0)
    corpus.unitStart.set(block.start, at)
    corpus.unitEnd.set(block.end, at)
    corpus.unitHashA.set(block.hashA, at)
    corpus.unitHashB.set(block.hashB, at)
    corpus.unitBands.set(block.bandKeys, at * bands)
    const key = reportKeys[reportIndex]
    if (key !== undefined) kept?.now.units.set(key, withUnitViews({ chars: block.chars }, { columns, at, end: at + block.para.length, first }))
    at += block.para.length
  })
  corpus.reportUnits[reports.length] = at
  return corpus
}

/** The corpus's unit columns, without the rest of it (its paragraphs' text and anchors); band keys by a stretch of units. */
type UnitColumns = Pick<Corpus, 'unitPara' | 'unitStart' | 'unitEnd' | 'unitHashA' | 'unitHashB'> & { bandsOf: (from: number, to: number) => Uint32Array }

/** A stretch of units' band keys, read from the keys of every unit (made here: a closure in `indexUnits` would hold all of its scope). */
function bandsIn(keys: Uint32Array): UnitColumns['bandsOf'] {
  return (from, to) => keys.subarray(from * bands, to * bands)
}

/** Where a report's units are in the corpus's columns: its units `at` to `end`, its paragraphs from `first`. */
interface UnitsPlace {
  columns: UnitColumns
  at: number
  end: number
  first: number
}

/**
 * A report's units as the memo keeps them: views of the corpus's columns, made each time they are asked for (the
 * memo writes them once; a later build reads its own), so the units are held once, not twice, while they are
 * clustered. Held views were six typed arrays a report (~17 MB at 30,000 reports, by a heap snapshot).
 */
const withUnitViews = lazyProperties({
  para: ({ columns, at, end, first }: UnitsPlace) => columns.unitPara.subarray(at, end).map((para) => para - first),
  start: ({ columns, at, end }: UnitsPlace) => columns.unitStart.subarray(at, end),
  end: ({ columns, at, end }: UnitsPlace) => columns.unitEnd.subarray(at, end),
  hashA: ({ columns, at, end }: UnitsPlace) => columns.unitHashA.subarray(at, end),
  hashB: ({ columns, at, end }: UnitsPlace) => columns.unitHashB.subarray(at, end),
  bandKeys: ({ columns, at, end }: UnitsPlace) => columns.bandsOf(at, end),
})

/** Fold a report's paragraphs, cut them into units and hash each unit (`onFolded` is handed each folded paragraph). */
function unitsOfParagraphs(paragraphs: readonly PlacedParagraph[], onFolded: (index: number, folded: string) => void): ReportUnits {
  const para: number[] = []
  const start: number[] = []
  const end: number[] = []
  const hashA: number[] = []
  const hashB: number[] = []
  const bandKeys: number[] = []
  const signature = new Uint32Array(signatureLength)
  let chars = 0
  paragraphs.forEach((paragraph, index) => {
    const { folded, ranges } = splitUnits(paragraph.text)
    onFolded(index, folded)
    chars += folded.length
    for (const [from, to] of ranges) {
      para.push(index)
      start.push(from)
      end.push(to)
      hashA.push(fnvHash(folded, from, to))
      hashB.push(murmurHash(folded, from, to))
      minHash(folded, from, to, signature, 0)
      for (let band = 0; band < bands; band++) bandKeys.push(bandKey(signature, 0, band))
    }
  })
  return {
    para: Int32Array.from(para),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    hashA: Uint32Array.from(hashA),
    hashB: Uint32Array.from(hashB),
    bandKeys: Uint32Array.from(bandKeys),
    chars,
  }
}

/** A paragraph's anchor. */
function anchorOf(corpus: Corpus, para: number): string {
  return corpus.anchors[corpus.paraAnchor[para] ?? -1] ?? ''
}

/** Numbers appended one at a time to a typed array that doubles as it fills; `done` gives those appended. */
function typedAppender<T extends Int32Array | Uint8Array>(Typed: { new (length: number): T }): { push: (value: number) => void; done: () => T } {
  let values = new Typed(1 << 12)
  let length = 0
  return {
    push: (value) => {
      if (length === values.length) values = growTyped(values, length + 1)
      values[length++] = value
    },
    done: () => values.slice(0, length) as T,
  }
}

/** A paragraph folded as `splitUnits` folds it, once. */
function foldedOf(corpus: Corpus, para: number): string {
  const held = corpus.folded.get(para)
  if (held !== undefined) return held
  const folded = splitUnits(corpus.paraText[para] ?? '').folded
  corpus.folded.add(para, folded)
  return folded
}

/**
 * Union–find over units: identical units are joined at once (by a hash of their text), then one unit of each
 * distinct text goes through MinHash/LSH, whose buckets give candidates that alignment decides. Returns each unit's
 * parent link. A boilerplate sentence in thousands of reports is one unit for LSH, not thousands.
 */
function clusterUnits(corpus: Corpus): Int32Array {
  const parent = new Int32Array(corpus.units)
  for (let unit = 0; unit < corpus.units; unit++) parent[unit] = unit
  const { distinct, spread } = joinIdentical(corpus, parent)
  const count = distinct.length
  // Bucket by sorting (key, index) packed in one float: no map of millions of entries.
  const indexBits = Math.max(20, Math.ceil(Math.log2(count + 1)))
  const keyScale = 2 ** indexBits
  const keyMask = 2 ** (53 - indexBits)
  const packed = new Float64Array(count)
  const bucket = new Int32Array(count)
  for (let band = 0; band < bands; band++) {
    for (let index = 0; index < count; index++) packed[index] = ((corpus.unitBands[(distinct[index] ?? 0) * bands + band] ?? 0) % keyMask) * keyScale + index
    packed.sort()
    let start = 0
    while (start < count) {
      const key = Math.floor((packed[start] ?? 0) / keyScale)
      let end = start + 1
      while (end < count && Math.floor((packed[end] ?? 0) / keyScale) === key) end++
      if (end - start > 1) {
        for (let at = start; at < end; at++) bucket[at - start] = distinct[(packed[at] ?? 0) % keyScale] ?? 0
        joinBucket(corpus, parent, spread, bucket.subarray(0, end - start))
      }
      start = end
    }
  }
  return parent
}

/**
 * Join units with the same folded text (20+ characters: shorter ones never align) and return the first of each
 * distinct text, in unit order, with a flag per unit: its text is also in another report. Texts are told apart by
 * their length and two 32-bit hashes, never read: with a memo most are never folded (two texts among a million
 * sharing all three is a chance of about one in thirty million).
 */
function joinIdentical(corpus: Corpus, parent: Int32Array): { distinct: Int32Array; spread: Uint8Array } {
  const unitBits = Math.max(20, Math.ceil(Math.log2(corpus.units + 1)))
  const keyScale = 2 ** unitBits
  const keyMask = 2 ** (53 - unitBits)
  const long: number[] = []
  for (let unit = 0; unit < corpus.units; unit++) if ((corpus.unitEnd[unit] ?? 0) - (corpus.unitStart[unit] ?? 0) >= minSharedChars) long.push(unit)
  const packed = new Float64Array(long.length)
  long.forEach((unit, index) => {
    packed[index] = ((corpus.unitHashA[unit] ?? 0) % keyMask) * keyScale + unit
  })
  packed.sort()
  const spread = new Uint8Array(corpus.units)
  const firsts: number[] = []
  let start = 0
  while (start < packed.length) {
    const key = Math.floor((packed[start] ?? 0) / keyScale)
    let end = start + 1
    while (end < packed.length && Math.floor((packed[end] ?? 0) / keyScale) === key) end++
    // A text of its own (most are): nothing to join, and no map made for it (a million of them at 10,000 reports).
    if (end - start === 1) {
      firsts.push((packed[start] ?? 0) % keyScale)
      start = end
      continue
    }
    // Equal first hashes almost always mean equal texts; the second hash and the length tell the rare collision.
    const texts = new Map<number, number>()
    for (let at = start; at < end; at++) {
      const unit = (packed[at] ?? 0) % keyScale
      const text = (corpus.unitHashB[unit] ?? 0) * 256 + (corpus.unitEnd[unit] ?? 0) - (corpus.unitStart[unit] ?? 0)
      const first = texts.get(text)
      if (first === undefined) {
        texts.set(text, unit)
        firsts.push(unit)
        continue
      }
      parent[unit] = first
      if (corpus.paraReport[corpus.unitPara[unit] ?? 0] !== corpus.paraReport[corpus.unitPara[first] ?? 0]) spread[first] = 1
    }
    start = end
  }
  return { distinct: Int32Array.from(firsts).sort(), spread }
}

/** FNV-1a of a stretch of text, 32 bits. */
function fnvHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
  return hash >>> 0
}

/** A second 32-bit hash of a stretch of text, independent of `fnvHash`: another multiplier, then murmur3's finaliser. */
function murmurHash(text: string, from: number, to: number): number {
  let hash = 0x9747b28c
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x5bd1e995) ^ (hash >>> 15)
  return mix(hash)
}

/** Join the units of one bucket that align: each is compared with the bucket's leaders, not with every member. */
function joinBucket(corpus: Corpus, parent: Int32Array, spread: Uint8Array, bucket: Int32Array): void {
  const leaders: number[] = []
  for (const unit of bucket) {
    const root = find(parent, unit)
    let joined = false
    for (const leader of leaders) {
      const leaderRoot = find(parent, leader)
      if (leaderRoot === root) {
        joined = true
        break
      }
      if (unitsAlign(corpus, spread, unit, leader)) {
        parent[Math.max(root, leaderRoot)] = Math.min(root, leaderRoot)
        joined = true
        break
      }
    }
    if (!joined && leaders.length < leadersPerBucket) leaders.push(unit)
  }
}

/**
 * True when two units share an aligned run of ≥ 20 characters covering ≥ 80% of the shorter, and are of different
 * reports — or one's text is also in another report, which would join them anyway.
 */
function unitsAlign(corpus: Corpus, spread: Uint8Array, a: number, b: number): boolean {
  const paraA = corpus.unitPara[a] ?? 0
  const paraB = corpus.unitPara[b] ?? 0
  if (corpus.paraReport[paraA] === corpus.paraReport[paraB] && spread[a] !== 1 && spread[b] !== 1) return false
  const kept = corpus.kept
  if (!kept) return textsAlign(unitText(corpus, a), unitText(corpus, b))
  const key = alignmentKey(corpus, a, b)
  // Moved from the earlier memo, not copied: at 100,000 reports each memo's map of alignments had a ~56 MB table,
  // both held through the listing of a rebuild's reuse worker (docs/performance.md, session 30).
  const earlier = kept.earlier.aligned.get(key)
  if (earlier !== undefined) kept.earlier.aligned.delete(key)
  const aligned = earlier ?? kept.now.aligned.get(key) ?? textsAlign(unitText(corpus, a), unitText(corpus, b))
  kept.now.aligned.set(key, aligned)
  return aligned
}

/**
 * Two units' texts as the alignment memo knows them, each by its two hashes and its length, as 16-bit halves in one
 * string of 12 characters: made at once, not joined from pieces (a template's joins stay a tree of pieces in the
 * memo, ~250 bytes a key where this is 40).
 */
function alignmentKey(corpus: Corpus, a: number, b: number): string {
  const [hashA, hashB, lengthA] = [corpus.unitHashA[a] ?? 0, corpus.unitHashB[a] ?? 0, (corpus.unitEnd[a] ?? 0) - (corpus.unitStart[a] ?? 0)]
  const [hashC, hashD, lengthB] = [corpus.unitHashA[b] ?? 0, corpus.unitHashB[b] ?? 0, (corpus.unitEnd[b] ?? 0) - (corpus.unitStart[b] ?? 0)]
  return String.fromCharCode(hashA >>> 16, hashA & 0xffff, hashB >>> 16, hashB & 0xffff, lengthA >>> 16, lengthA & 0xffff,
    hashC >>> 16, hashC & 0xffff, hashD >>> 16, hashD & 0xffff, lengthB >>> 16, lengthB & 0xffff)
}

/** True when two unit texts share an aligned run of ≥ 20 characters covering ≥ 80% of the shorter. */
function textsAlign(textA: string, textB: string): boolean {
  const shorter = Math.min(textA.length, textB.length)
  const longer = Math.max(textA.length, textB.length)
  if (textA === textB) return shorter >= minSharedChars
  if (textA.includes(textB) || textB.includes(textA)) return shorter >= minSharedChars
  const needed = Math.max(minSharedChars, minCoverage * shorter)
  // Units of like length: the longest common subsequence (a global alignment, bit-parallel); a short unit inside a
  // long one: Smith–Waterman, so scattered common characters of the long one cannot add up to a match.
  const matches = longer <= 1.5 * shorter ? lcsLength(textA, textB) : alignPassages(textA, textB).matches
  return matches >= needed
}

function unitText(corpus: Corpus, unit: number): string {
  return foldedOf(corpus, corpus.unitPara[unit] ?? 0).slice(corpus.unitStart[unit] ?? 0, corpus.unitEnd[unit] ?? 0)
}

function find(parent: Int32Array, unit: number): number {
  let root = unit
  while ((parent[root] ?? root) !== root) root = parent[root] ?? root
  let at = unit
  while (at !== root) {
    const next = parent[at] ?? root
    parent[at] = root
    at = next
  }
  return root
}

/**
 * Clusters used by at least two reports: unit → cluster number (or -1), and each cluster's units and distinct
 * reports, ascending, as stretches of two flat arrays (`membersOf`, `reportsOf`). An array per cluster held each
 * number in 8 bytes and up to half as much again unused (~110 MB at 100,000 reports).
 */
interface Clusters {
  of: Int32Array
  /** Cluster `c`'s units are `members` from `memberStart[c]` to `memberStart[c + 1]`. */
  memberStart: Int32Array
  members: Int32Array
  /** Its reports are `reports` from `reportStart[c]` to `reportStart[c + 1]`. */
  reportStart: Int32Array
  reports: Int32Array
}

function clusterCount(clusters: Clusters): number {
  return clusters.memberStart.length - 1
}

/** A cluster's units, ascending. */
function membersOf(clusters: Clusters, cluster: number): Int32Array {
  return clusters.members.subarray(clusters.memberStart[cluster] ?? 0, clusters.memberStart[cluster + 1] ?? 0)
}

/** A cluster's distinct reports, ascending. */
function reportsOf(clusters: Clusters, cluster: number): Int32Array {
  return clusters.reports.subarray(clusters.reportStart[cluster] ?? 0, clusters.reportStart[cluster + 1] ?? 0)
}

/**
 * The clusters, numbered in the order of their first unit, each with its units and reports ascending. Counted in
 * typed arrays over the compressed parent links: a map from every root to its units (most units are a cluster of
 * their own) was ~100 bytes a unit, by that count ~0.5 GB at 100,000 reports (5.35 million units).
 */
function collectClusters(corpus: Corpus, parent: Int32Array): Clusters {
  const reportOf = (unit: number): number => corpus.paraReport[corpus.unitPara[unit] ?? 0] ?? 0
  // A root's reports, counted up to two: units come in report order, so a report new to a root differs from its last.
  const lastReport = new Int32Array(corpus.units).fill(-1)
  const reportCount = new Uint8Array(corpus.units)
  for (let unit = 0; unit < corpus.units; unit++) {
    const root = find(parent, unit)
    const report = reportOf(unit)
    if (lastReport[root] === report) continue
    lastReport[root] = report
    if ((reportCount[root] ?? 0) < 2) reportCount[root] = (reportCount[root] ?? 0) + 1
  }
  // Each root of two reports or more numbered by its first unit (in the place of its last report).
  const clusterOfRoot = lastReport.fill(-1)
  const of = new Int32Array(corpus.units).fill(-1)
  let count = 0
  for (let unit = 0; unit < corpus.units; unit++) {
    const root = parent[unit] ?? unit
    if ((reportCount[root] ?? 0) < 2) continue
    let cluster = clusterOfRoot[root] ?? -1
    if (cluster < 0) cluster = clusterOfRoot[root] = count++
    of[unit] = cluster
  }
  // Then each cluster's units and reports counted, their stretches laid out, and filled, in unit order.
  const memberStart = new Int32Array(count + 1)
  const reportStart = new Int32Array(count + 1)
  const lastOf = new Int32Array(count)
  const visit = (each: (cluster: number, unit: number, newReport: number) => void): void => {
    lastOf.fill(-1)
    for (let unit = 0; unit < corpus.units; unit++) {
      const cluster = of[unit] ?? -1
      if (cluster < 0) continue
      const report = reportOf(unit)
      const isNew = lastOf[cluster] !== report
      lastOf[cluster] = report
      each(cluster, unit, isNew ? report : -1)
    }
  }
  visit((cluster, _unit, report) => {
    memberStart[cluster + 1] = (memberStart[cluster + 1] ?? 0) + 1
    if (report >= 0) reportStart[cluster + 1] = (reportStart[cluster + 1] ?? 0) + 1
  })
  for (let cluster = 0; cluster < count; cluster++) {
    memberStart[cluster + 1] = (memberStart[cluster + 1] ?? 0) + (memberStart[cluster] ?? 0)
    reportStart[cluster + 1] = (reportStart[cluster + 1] ?? 0) + (reportStart[cluster] ?? 0)
  }
  const members = new Int32Array(memberStart[count] ?? 0)
  const reports = new Int32Array(reportStart[count] ?? 0)
  const memberAt = memberStart.slice(0, count)
  const reportAt = reportStart.slice(0, count)
  visit((cluster, unit, report) => {
    const member = memberAt[cluster] ?? 0
    members[member] = unit
    memberAt[cluster] = member + 1
    if (report < 0) return
    const at = reportAt[cluster] ?? 0
    reports[at] = report
    reportAt[cluster] = at + 1
  })
  return { of, memberStart, members, reportStart, reports }
}

/** Per report: its reused paragraphs, the closest few other paragraphs of each (aligned, marked), and its reused share. */
function listReuse(
  reports: readonly ReuseReport[],
  corpus: Corpus,
  clusters: Clusters,
  agencies: readonly string[],
  { perParagraph, perCluster, keep }: { perParagraph: number; perCluster: number; keep: (text: ListingText) => ReportReuse },
): ReuseFindings['byReport'] {
  const result: ReuseFindings['byReport'] = new Map()
  // Agencies as numbers, per report and per paragraph: the scoring below compares them millions of times.
  const numbers = new Map<string, number>()
  const agencyOfReport = Int32Array.from(agencies, (agency) => numbers.get(agency) ?? numbers.set(agency, numbers.size).size - 1)
  const agencyOfPara = Int32Array.from(corpus.paraReport, (report) => agencyOfReport[report] ?? 0)
  const unions = unionCounter(clusters, agencyOfReport, reports.length)
  const sameAgency = sameAgencyMembers(corpus, clusters, agencyOfPara)
  const scores: Scores = { of: new Int32Array(corpus.paraReport.length), touched: [] }
  const scope: Scope = { reports, corpus, clusters, agencyOfPara, sameAgency, limit: perParagraph, perCluster, scores }
  const listReport = (index: number): ReportReuse => {
    const entry: ReportReuse = { reuse: [], reuseCounts: [], reusedShare: 0 }
    let reused = 0
    const last = corpus.reportUnits[index + 1] ?? 0
    for (let unit = corpus.reportUnits[index] ?? 0; unit < last; ) {
      // The clustered units of one paragraph at a time.
      const para = corpus.unitPara[unit] ?? 0
      const units: number[] = []
      for (; unit < last && corpus.unitPara[unit] === para; unit++) if ((clusters.of[unit] ?? -1) >= 0) units.push(unit)
      if (units.length === 0) continue
      for (const own of units) reused += (corpus.unitEnd[own] ?? 0) - (corpus.unitStart[own] ?? 0)
      // The paragraph's own report is in each of its clusters: counted out here.
      const union = unions(units.map((own) => clusters.of[own] ?? 0))
      entry.reuseCounts.push({ anchor: anchorOf(corpus, para), reports: union.size - 1, sameAgency: (union.agencies.get(agencyOfReport[index] ?? 0) ?? 1) - 1 })
      entry.reuse.push(...closestParagraphs(para, units, scope))
    }
    const chars = corpus.reportChars[index] ?? 0
    entry.reusedShare = chars > 0 ? round(reused / chars) : 0
    // Kept as its text: at 100,000 reports the parsed listings were ~1 GB of the worker's heap when it answered.
    return keep(listingTextOf(entry))
  }
  const kept = corpus.kept
  if (!kept) {
    reports.forEach((report, index) => result.set(report.id, listReport(index)))
    return result
  }
  // Which paragraphs a listing names follows from the clusters alone; what it says of them (shared characters)
  // reads their text too: a kept listing is used when the reports it names are unchanged.
  const keyById = new Map(reports.map((report, index) => [report.id, corpus.reportKeys[index]]))
  // From the summary: a kept listing is text (`lazyReportReuse`), not read unless a page shows it.
  const readsOf = (listing: ReportReuse): string => [...new Set(reuseSummaryOf(listing).others.map((id) => keyById.get(id) ?? ''))].join(',')
  const keys = listingKeys(reports, corpus, clusters, agencies, [perParagraph, perCluster])
  reports.forEach((report, index) => {
    const key = keys[index] ?? ''
    const held = kept.earlier.listings.get(key)
    const entry = held && readsOf(held.listing) === held.reads ? held : undefined
    const listing = entry?.listing ?? listReport(index)
    kept.now.listings.set(key, entry ?? { listing, reads: readsOf(listing) })
    result.set(report.id, listing)
  })
  return result
}

/**
 * Per report, a key of what decides its listing: the report (id, agency, sections), the options, and for each of
 * its clustered units every member of that cluster in order, by report (id and agency) and paragraph. Two 32-bit hashes.
 * A member is named by its paragraph's anchor, not by its unit's place in its report: a listing reads which paragraph
 * a member is in, and a sentence added early in a report moves the place of every later unit of it (a listing that
 * does not name that report would be made anew in each cluster the report is in).
 */
function listingKeys(reports: readonly ReuseReport[], corpus: Corpus, clusters: Clusters, agencies: readonly string[], settings: readonly number[]): string[] {
  const named = reports.map((report, index) => `${report.id}\0${agencies[index] ?? ''}`)
  const reportA = Uint32Array.from(named, (text) => fnvHash(text, 0, text.length))
  const reportB = Uint32Array.from(named, (text) => murmurHash(text, 0, text.length))
  // Hashed once per distinct anchor.
  const anchorA = Uint32Array.from(corpus.anchors, (text) => fnvHash(text, 0, text.length))
  const anchorB = Uint32Array.from(corpus.anchors, (text) => murmurHash(text, 0, text.length))
  const clusterA = new Uint32Array(clusterCount(clusters))
  const clusterB = new Uint32Array(clusterCount(clusters))
  for (let cluster = 0; cluster < clusterCount(clusters); cluster++) {
    let a = 0x811c9dc5
    let b = 0x9747b28c
    for (const member of membersOf(clusters, cluster)) {
      const para = corpus.unitPara[member] ?? 0
      const report = corpus.paraReport[para] ?? 0
      const anchor = corpus.paraAnchor[para] ?? 0
      a = mixIn(mixIn(a, reportA[report] ?? 0), anchorA[anchor] ?? 0)
      b = mixIn(mixIn(b, reportB[report] ?? 0), anchorB[anchor] ?? 0)
    }
    clusterA[cluster] = a
    clusterB[cluster] = b
  }
  return reports.map((_, index) => {
    const text = corpus.reportKeys[index] ?? ''
    let a = settings.reduce(mixIn, mixIn(reportA[index] ?? 0, fnvHash(text, 0, text.length)))
    let b = settings.reduce(mixIn, mixIn(reportB[index] ?? 0, murmurHash(text, 0, text.length)))
    const first = corpus.reportUnits[index] ?? 0
    for (let unit = first; unit < (corpus.reportUnits[index + 1] ?? 0); unit++) {
      const cluster = clusters.of[unit] ?? -1
      if (cluster < 0) continue
      a = mixIn(mixIn(a, unit - first), clusterA[cluster] ?? 0)
      b = mixIn(mixIn(b, unit - first), clusterB[cluster] ?? 0)
    }
    return `${a}.${b}`
  })
}

/** One 32-bit value mixed into a running hash, as `bandKey` chains a band's rows. */
function mixIn(hash: number, value: number): number {
  return mix(Math.imul(hash, 0x01000193) ^ value)
}

/** Shared unit characters per other paragraph, for one paragraph at a time: reused, and cleared through `touched`. */
interface Scores {
  of: Int32Array
  touched: number[]
}

/** What `closestParagraphs` reads, the same for every paragraph. */
interface Scope {
  reports: readonly ReuseReport[]
  corpus: Corpus
  clusters: Clusters
  agencyOfPara: Int32Array
  sameAgency: (cluster: number, agency: number) => Int32Array
  limit: number
  perCluster: number
  scores: Scores
}

/** The other paragraphs sharing most with one paragraph (same agency first on ties), each aligned unit by unit. */
function closestParagraphs(para: number, units: readonly number[], scope: Scope): ReuseLink[] {
  const { reports, corpus, clusters, agencyOfPara, scores } = scope
  const self = corpus.paraReport[para] ?? 0
  const agency = agencyOfPara[para] ?? 0
  const add = (member: number, length: number): void => {
    const otherPara = corpus.unitPara[member] ?? 0
    if (corpus.paraReport[otherPara] === self) return
    if ((scores.of[otherPara] ?? 0) === 0) scores.touched.push(otherPara)
    scores.of[otherPara] = (scores.of[otherPara] ?? 0) + length
  }
  for (const unit of units) {
    const cluster = clusters.of[unit] ?? 0
    const length = (corpus.unitEnd[unit] ?? 0) - (corpus.unitStart[unit] ?? 0)
    // All of the same agency's members, and the first few of other agencies: a cluster may hold thousands.
    for (const member of scope.sameAgency(cluster, agency)) add(member, length)
    let others = 0
    for (const member of membersOf(clusters, cluster)) {
      if (others >= scope.perCluster) break
      if (agencyOfPara[corpus.unitPara[member] ?? 0] === agency) continue
      others++
      add(member, length)
    }
  }
  const same = (otherPara: number): number => (agencyOfPara[otherPara] === agency ? 1 : 0)
  const chosen = scores.touched.sort((a, b) => (scores.of[b] ?? 0) - (scores.of[a] ?? 0) || same(b) - same(a) || a - b)
  // The closest paragraphs, and the same agency's closest too when it did not make the list (跨年重复 matters most).
  const listed = chosen.slice(0, scope.limit)
  const sameBest = chosen.find((otherPara) => same(otherPara) === 1)
  if (sameBest !== undefined && !listed.includes(sameBest)) listed.push(sameBest)
  for (const otherPara of chosen) scores.of[otherPara] = 0
  scores.touched = []
  const folded = foldedOf(corpus, para)
  // The shared count comes from 4-grams both paragraphs hold (what the side-by-side view marks): linear, and the
  // clusters were already aligned. The marks themselves are found again when a page shows the pair. A copy shares
  // every character (most listed pairs are copies), and needs no table.
  let sharedWith: ((other: string) => number) | undefined
  return listed.map((otherPara) => {
    const other = foldedOf(corpus, otherPara)
    const shared = other === folded ? sharedCharsOfCopy(folded) : (sharedWith ??= sharedCharsOf(folded))(other)
    return {
      anchor: anchorOf(corpus, para),
      other: { id: reports[corpus.paraReport[otherPara] ?? 0]?.id ?? '', anchor: anchorOf(corpus, otherPara) },
      sharedChars: shared,
      similarity: folded.length > 0 ? round(Math.min(1, shared / folded.length)) : 0,
      sameAgency: same(otherPara) === 1,
    }
  })
}

/**
 * Distinct reports (and how many per agency) in the union of some clusters. Paragraphs copied from one source share
 * their set of clusters, so each set is counted once: counting per paragraph would cost paragraphs × cluster size.
 */
function unionCounter(clusters: Clusters, agencyOfReport: Int32Array, reportCount: number): (ids: readonly number[]) => { size: number; agencies: Map<number, number> } {
  const cache = new Map<string, { size: number; agencies: Map<number, number> }>()
  const stamp = new Int32Array(reportCount).fill(-1)
  let round = 0
  return function countUnion(ids) {
    const key = [...new Set(ids)].sort((a, b) => a - b).join(',')
    const held = cache.get(key)
    if (held) return held
    round++
    const counts = new Map<number, number>()
    let size = 0
    for (const id of key.split(',').map(Number)) {
      for (const report of reportsOf(clusters, id)) {
        if (stamp[report] === round) continue
        stamp[report] = round
        size++
        const agency = agencyOfReport[report] ?? 0
        counts.set(agency, (counts.get(agency) ?? 0) + 1)
      }
    }
    const union = { size, agencies: counts }
    cache.set(key, union)
    return union
  }
}

/**
 * A cluster's units of one agency, ascending. Each cluster's units are sorted by agency when first asked, in one
 * typed array beside `clusters.members`: a map of lists per cluster was ~160 MB of the reuse worker's heap halfway
 * through the listing at 30,000 reports (a heap snapshot, docs/performance.md), and grew to its end.
 */
function sameAgencyMembers(corpus: Corpus, clusters: Clusters, agencyOfPara: Int32Array): (cluster: number, agency: number) => Int32Array {
  const byAgency = new Int32Array(clusters.members.length)
  const sorted = new Uint8Array(clusterCount(clusters))
  const agencyOf = (member: number): number => agencyOfPara[corpus.unitPara[member] ?? 0] ?? 0
  return function membersOfAgency(cluster, agency) {
    const stretch = byAgency.subarray(clusters.memberStart[cluster] ?? 0, clusters.memberStart[cluster + 1] ?? 0)
    if (sorted[cluster] !== 1) {
      stretch.set(membersOf(clusters, cluster))
      stretch.sort((a, b) => agencyOf(a) - agencyOf(b) || a - b)
      sorted[cluster] = 1
    }
    const from = firstAtLeast(stretch, agency, agencyOf)
    return stretch.subarray(from, firstAtLeast(stretch, agency + 1, agencyOf, from))
  }
}

/** The first place in `values` (ascending by `keyOf`) from `from` whose key is at least `key`; the length if none. */
function firstAtLeast(values: Int32Array, key: number, keyOf: (value: number) => number, from = 0): number {
  let low = from
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (keyOf(values[middle] ?? 0) < key) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Per year and part, the clusters most reports use; clusters used by the same paragraphs are one passage. Each
 * names its paragraph (`source`) for `writePassageTexts`.
 */
function listRepeated(reports: readonly ReuseReport[], corpus: Corpus, clusters: Clusters, perPart: number, usesPerPassage: number): ReuseFindings['repeated'] {
  const groups = new Map<string, { units: number[]; reports: number; uses: { id: string; anchor: string }[]; usesKey: string }[]>()
  // Each paragraph's year and part, made once: a boilerplate cluster has thousands of units.
  const partKeys: (string | undefined)[] = []
  const partKeyOf = (para: number): string => (partKeys[para] ??= `${reports[corpus.paraReport[para] ?? 0]?.year ?? 'undated'}/${corpus.kinds[corpus.paraKind[para] ?? -1] ?? 'other'}`)
  for (let cluster = 0; cluster < clusterCount(clusters); cluster++) {
    // A part of a cluster has no more reports than the cluster.
    if (reportsOf(clusters, cluster).length < minRepeatedReports) continue
    const units = membersOf(clusters, cluster)
    const byPart = new Map<string, number[]>()
    for (const unit of units) {
      const key = partKeyOf(corpus.unitPara[unit] ?? 0)
      const list = byPart.get(key)
      if (list) list.push(unit)
      else byPart.set(key, [unit])
    }
    for (const [key, partUnits] of byPart) {
      const distinct = new Set(partUnits.map((unit) => corpus.paraReport[corpus.unitPara[unit] ?? 0] ?? 0))
      if (distinct.size < minRepeatedReports) continue
      const paras = [...new Set(partUnits.map((unit) => corpus.unitPara[unit] ?? 0))].sort((a, b) => a - b)
      const uses = paras.map((para) => ({ id: reports[corpus.paraReport[para] ?? 0]?.id ?? '', anchor: anchorOf(corpus, para) }))
      const list = groups.get(key) ?? []
      list.push({ units: partUnits, reports: distinct.size, uses, usesKey: paras.join(',') })
      groups.set(key, list)
    }
  }
  const repeated: ReuseFindings['repeated'] = new Map()
  for (const key of [...groups.keys()].sort(compare)) {
    // Sentences of one copied paragraph form one cluster each; shown once, joined in reading order.
    const merged = new Map<string, { units: number[]; reports: number; uses: { id: string; anchor: string }[] }>()
    for (const entry of groups.get(key) ?? []) {
      const held = merged.get(entry.usesKey)
      if (held) held.units.push(...entry.units)
      else merged.set(entry.usesKey, { units: [...entry.units], reports: entry.reports, uses: entry.uses })
    }
    const passages = [...merged.values()]
      .sort((a, b) => b.reports - a.reports || (a.units[0] ?? 0) - (b.units[0] ?? 0))
      .slice(0, perPart)
      .map((entry) => ({ ...passageSource(reports, corpus, entry.units), reports: entry.reports, uses: entry.uses.slice(0, usesPerPassage) }))
    repeated.set(key, passages)
  }
  return repeated
}

/**
 * A passage's text to be written (`writePassageTexts`): its first paragraph, by report id and anchor, and the folded
 * ranges of the passage's units there, in reading order.
 */
function passageSource(reports: readonly ReuseReport[], corpus: Corpus, units: readonly number[]): Pick<RepeatedPassage, 'text' | 'source'> {
  const para = corpus.unitPara[Math.min(...units)] ?? 0
  const own = units.filter((unit) => corpus.unitPara[unit] === para).sort((a, b) => a - b)
  const ranges = own.map((unit): [number, number] => [corpus.unitStart[unit] ?? 0, corpus.unitEnd[unit] ?? 0])
  return { text: '', source: { id: reports[corpus.paraReport[para] ?? 0]?.id ?? '', anchor: anchorOf(corpus, para), ranges } }
}

/**
 * Write the text of each repeated passage that names its paragraph instead (`source`, from a `findReuse` given
 * `releaseTexts`), from the reports it names, and drop the name: the findings are then those of a run without it.
 */
export function writePassageTexts(repeated: ReuseFindings['repeated'], reportOf: (id: string) => ReuseReport | undefined): void {
  const paragraphsOf = new Map<string, Map<string, string>>()
  for (const passages of repeated.values()) {
    for (const passage of passages) {
      const { source } = passage
      if (!source) continue
      let paragraphs = paragraphsOf.get(source.id)
      if (!paragraphs) {
        const report = reportOf(source.id)
        paragraphs = new Map(report ? collectParagraphs(report).map((paragraph) => [paragraph.anchor, paragraph.text]) : [])
        paragraphsOf.set(source.id, paragraphs)
      }
      passage.text = foldedSlices(paragraphs.get(source.anchor) ?? '', source.ranges)
      delete passage.source
    }
  }
}

/** The original text covering some ranges of its folded form, gaps shown as …. */
export function foldedSlices(text: string, ranges: readonly (readonly [number, number])[]): string {
  const { starts, ends } = foldPassage(text)
  const pieces: string[] = []
  let previousEnd = -1
  for (const [from, to] of ranges) {
    if (pieces.length > 0 && from !== previousEnd) pieces.push('…')
    const start = from === previousEnd ? (ends[from - 1] ?? 0) : (starts[from] ?? 0)
    pieces.push(text.slice(start, ends[to - 1] ?? text.length))
    previousEnd = to
  }
  return pieces.join('')
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
