import { describe, expect, it } from 'vitest'
import { runScript } from '../run-script.ts'

describe('npm run bench -- --json', () => {
  it('builds a small synthetic corpus for real, rebuilds it after one change (--touch 1) and prints one JSON line with the issue’s figures', async () => {
    const { code, stdout, stderr } = await runScript('bench', ['--reports', '20', '--json', '--seed', '3', '--touch', '1', '--planted', '10'], { timeout: 240_000 })
    expect(code, stderr).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const figures = JSON.parse(lines[0] ?? '') as Record<string, number>
    expect(Object.keys(figures)).toEqual([
      'reports', 'parse_s', 'render_s', 'index_s', 'total_s', 'cpu_s', 'peak_rss_mb', 'site_mb', 'files', 'query_kb', 'query_ms',
      'analysis_s', 'report_page_kb', 'report_page_max_kb', 'reuse_precision', 'reuse_recall', 'follow_up_precision', 'follow_up_recall', 'rebuild_s',
    ])
    for (const value of Object.values(figures)) expect(Number.isFinite(value)).toBe(true)
    expect(figures.reports).toBe(20)
    // Every report gets a page, plus the site's own pages and the index.
    expect(figures.files).toBeGreaterThan(20)
    // total_s is the build's wall time: the index runs beside rendering, so it is within the sum of the stages and
    // at least parsing then either of the two.
    const [parse, render, index] = [figures.parse_s ?? 0, figures.render_s ?? 0, figures.index_s ?? 0]
    expect(figures.total_s).toBeLessThanOrEqual(parse + render + index + 0.05)
    expect(figures.total_s).toBeGreaterThanOrEqual(parse + Math.max(render, index) - 0.05)
    expect(figures.index_s).toBeGreaterThan(0)
    expect(figures.cpu_s).toBeGreaterThan(0)
    // Pagefind's binary alone takes tens of MB: the peak covers the process tree, not just Node.
    expect(figures.peak_rss_mb).toBeGreaterThan(50)
    expect(figures.query_kb).toBeGreaterThan(0)
    expect(figures.query_ms).toBeGreaterThan(0)
    // The table goes to stderr with --json; it shows the query found reports.
    expect(stderr).toMatch(/首次查询数据/)
    expect(stderr).toMatch(/“行政复议 执法”：[1-9]\d* 个结果/)
    // The analysis ran inside the render step and was scored on the planted-truth corpus.
    expect(figures.analysis_s).toBeGreaterThan(0)
    expect(figures.analysis_s).toBeLessThan(figures.render_s ?? 0)
    expect(figures.report_page_kb).toBeGreaterThan(0)
    expect(stderr).toMatch(/植入真值：雷同段落\s+精确率 [\d.]+，召回率 [\d.]+/)
    // The rebuild after one change was incremental, in a process of its own: it names the one bundle it re-indexed,
    // and the process took longer than its build (Node, tsx and the modules start first).
    expect(figures.rebuild_s).toBeGreaterThan(0)
    const rebuild = /改动 1 份报告后增量构建，用时 ([\d.]+) 秒（重新生成 [1-9]\d* 个页面，重建索引分片 \d{4}(、\d{4})*；读取 [\d.]+ 秒.*；新进程连同启动共 ([\d.]+) 秒）/.exec(stderr)
    expect(rebuild, stderr).not.toBeNull()
    expect(Number(rebuild?.[3])).toBeGreaterThan(Number(rebuild?.[1]))
  }, 300_000)
})
