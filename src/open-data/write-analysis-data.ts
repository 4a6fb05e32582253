import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CorpusAnalysis, ReportAnalysis } from '../analysis/index.ts'
import { toCsv } from './to-csv.ts'

type Cell = string | number | null

/** A report's analysis as its JSON publishes it. */
export function publishedAnalysis(analysis: CorpusAnalysis | undefined, id: string): ReportAnalysis | undefined {
  return analysis?.reports.get(id)
}

/**
 * Write the analysis tables beside the open data: `data/reuse.csv` (one row per listed pair of paragraphs),
 * `data/follow-up.csv` (one row per plan item) and `data/metrics.csv` (one row per report and part).
 */
export async function writeAnalysisData(outDir: string, analysis: CorpusAnalysis): Promise<void> {
  const ids = [...analysis.reports.keys()].sort()
  const reuse: Cell[][] = []
  const followUp: Cell[][] = []
  const metrics: Cell[][] = []
  for (const id of ids) {
    const found = analysis.reports.get(id)
    if (!found) continue
    const counts = new Map(found.reuseCounts.map((count) => [count.anchor, count]))
    for (const link of found.reuse) {
      const count = counts.get(link.anchor)
      reuse.push([id, link.anchor, link.other.id, link.other.anchor, link.sharedChars, link.similarity, link.sameAgency ? 'same' : 'other', count?.reports ?? null, count?.sameAgency ?? null])
    }
    for (const item of found.followUp) {
      const next = item.evidence[0]?.id ?? null
      followUp.push([id, next, item.anchor, item.item, item.status, item.text, item.evidence.map((evidence) => evidence.anchor).join(' '), item.evidence[0]?.similarity ?? null])
    }
    for (const [part, figures] of Object.entries(found.metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!figures) continue
      metrics.push([id, part, figures.chars, figures.figures, figures.figuresPerThousand, figures.namedCases, figures.specificShare, part === 'all' ? found.reusedShare : null])
    }
  }
  const dataDir = path.join(outDir, 'data')
  await writeFile(path.join(dataDir, 'reuse.csv'), toCsv(['id', 'anchor', 'other_id', 'other_anchor', 'shared_chars', 'similarity', 'agency', 'reports_sharing', 'same_agency_reports'], reuse))
  await writeFile(path.join(dataDir, 'follow-up.csv'), toCsv(['id', 'next_id', 'anchor', 'item', 'status', 'text', 'evidence', 'similarity'], followUp))
  await writeFile(path.join(dataDir, 'metrics.csv'), toCsv(['id', 'part', 'chars', 'figures', 'figures_per_1000', 'named_cases', 'specific_share', 'reused_share'], metrics))
}
