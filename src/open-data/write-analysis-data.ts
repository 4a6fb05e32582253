import path from 'node:path'
import type { CorpusAnalysis, ReportAnalysis } from '../analysis/index.ts'
import { csvHead, csvLines } from './to-csv.ts'
import { writeInParts, type FileParts, type KeptParts } from './write-in-parts.ts'

type Cell = string | number | null

/** A report's analysis as its JSON publishes it. */
export function publishedAnalysis(analysis: CorpusAnalysis | undefined, id: string): ReportAnalysis | undefined {
  return analysis?.reports.get(id)
}

/** The analysis tables: file under the site, header, and the rows of one report's analysis. */
const analysisTables: readonly { file: string; header: readonly string[]; rowsOf: (id: string, found: ReportAnalysis) => Cell[][] }[] = [
  {
    file: 'data/reuse.csv',
    header: ['id', 'anchor', 'other_id', 'other_anchor', 'shared_chars', 'similarity', 'agency', 'reports_sharing', 'same_agency_reports'],
    rowsOf: (id, found) => {
      const counts = new Map(found.reuseCounts.map((count) => [count.anchor, count]))
      return found.reuse.map((link) => {
        const count = counts.get(link.anchor)
        return [id, link.anchor, link.other.id, link.other.anchor, link.sharedChars, link.similarity, link.sameAgency ? 'same' : 'other', count?.reports ?? null, count?.sameAgency ?? null]
      })
    },
  },
  {
    file: 'data/follow-up.csv',
    header: ['id', 'next_id', 'anchor', 'item', 'status', 'text', 'evidence', 'similarity'],
    rowsOf: (id, found) =>
      found.followUp.map((item) => [id, item.evidence[0]?.id ?? null, item.anchor, item.item, item.status, item.text, item.evidence.map((evidence) => evidence.anchor).join(' '), item.evidence[0]?.similarity ?? null]),
  },
  {
    file: 'data/metrics.csv',
    header: ['id', 'part', 'chars', 'figures', 'figures_per_1000', 'named_cases', 'specific_share', 'reused_share'],
    rowsOf: (id, found) =>
      Object.entries(found.metrics)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([part, figures]) =>
          figures ? [[id, part, figures.chars, figures.figures, figures.figuresPerThousand, figures.namedCases, figures.specificShare, part === 'all' ? found.reusedShare : null]] : [],
        ),
  },
]

/**
 * Write the analysis tables beside the open data: `data/reuse.csv` (one row per listed pair of paragraphs),
 * `data/follow-up.csv` (one row per plan item) and `data/metrics.csv` (one row per report and part), each in one
 * part per report (`writeInParts`). Returns where each file's parts lie, by file.
 */
export async function writeAnalysisData(
  outDir: string,
  analysis: CorpusAnalysis,
  kept?: { previous: Record<string, FileParts> | undefined; unchanged: (id: string) => boolean },
): Promise<Record<string, FileParts>> {
  const ids = [...analysis.reports.keys()].sort()
  const written: Record<string, FileParts> = {}
  for (const table of analysisTables) {
    const keptParts: KeptParts | undefined = kept ? { previous: kept.previous?.[table.file], unchanged: kept.unchanged } : undefined
    const rowsOf = (id: string): string => {
      const found = analysis.reports.get(id)
      return found ? csvLines(table.rowsOf(id, found)) : ''
    }
    written[table.file] = await writeInParts(path.join(outDir, table.file), { head: csvHead(table.header), separator: '', tail: '' }, ids, rowsOf, keptParts)
  }
  return written
}
