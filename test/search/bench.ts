// Measure indexing of a synthetic corpus: `npx tsx test/search/bench.ts 1000`. Not a test; figures go to docs/search.md.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { indexSite } from '../../src/search/index.ts'
import { writeReportPages, type PageSpec } from './make-report-page.ts'

const count = Number(process.argv[2] ?? 1000)
const kinds = ['achievements', 'leadership', 'shortcomings', 'plans']
const sources: string[] = []
for (const year of await readdir('reports')) {
  for (const file of await readdir(path.join('reports', year))) sources.push(await readFile(path.join('reports', year, file), 'utf8'))
}
const specs: PageSpec[] = Array.from({ length: count }, (_, n) => {
  const lines = (sources[n % sources.length] ?? '').split('\n').map((line) => line.trim()).filter(Boolean)
  const sections: PageSpec['sections'] = []
  for (const line of lines) {
    const top = /^[一二三四五六七八九十]+、/.test(line)
    const last = sections.at(-1)
    if (top || !last) {
      const kind = kinds[sections.length % kinds.length] ?? 'other'
      sections.push({ anchor: sections.some((s) => s.kind === kind) ? `${kind}-${sections.length}` : kind, kind, heading: line.slice(0, 40), paragraphs: [] })
    } else last.paragraphs.push(line)
  }
  const year = 2019 + (n % 6)
  return { year, slug: `agency-${n}`, title: `第${n}号机关${year}年法治政府建设年度报告`, agency: `第${n}号机关`, province: ['天津市', '四川省', '广东省'][n % 3] ?? '', level: 'city', published: `${year + 1}-03-${String((n % 28) + 1).padStart(2, '0')}`, sections }
})
for (const shard of ['year', 'none'] as const) {
  const site = await mkdtemp(path.join(tmpdir(), 'search-bench-'))
  await writeReportPages(site, specs)
  let peak = 0
  const timer = setInterval(() => (peak = Math.max(peak, childPeakKb())), 100)
  const started = performance.now()
  const result = await indexSite(site, { shard })
  clearInterval(timer)
  const seconds = (performance.now() - started) / 1000
  const html = specs.length
  console.log(JSON.stringify({ shard, pages: result.value?.pages, html, seconds: seconds.toFixed(1), pagefindPeakMB: (peak / 1024).toFixed(0), nodeMaxRssMB: (process.resourceUsage().maxRSS / 1024).toFixed(0), bundleMB: ((result.value?.bytes ?? 0) / 1e6).toFixed(1), shards: result.value?.shards.length, errors: result.messages.length }))
  await rm(site, { recursive: true, force: true })
}

/** Peak resident memory (VmHWM, kB) of the Pagefind child, read from /proc while it runs. */
function childPeakKb(): number {
  let peak = 0
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    const children = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    for (const child of children) {
      try {
        const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))
        peak = Math.max(peak, Number(match?.[1] ?? 0))
      } catch {
        // The child exited between listing and reading.
      }
    }
  }
  return peak
}
