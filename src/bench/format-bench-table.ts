import type { BenchResult } from './run-bench.ts'

/** A human-readable table of one benchmark run, in Chinese, with the targets beside the figures. */
export function formatBenchTable(result: BenchResult): string {
  const { figures, query } = result
  const rows: [string, string][] = [
    ['报告数', `${figures.reports}（发布 ${result.published}，失败 ${result.failed}）`],
    ['生成语料', `${result.generateSeconds.toFixed(1)} 秒（不计入总时间）`],
    ['解析', `${figures.parse_s} 秒`],
    ['生成页面', `${figures.render_s} 秒`],
    ['建立索引', `${figures.index_s} 秒（${result.bundles} 个分片，${(result.indexBytes / 2 ** 20).toFixed(1)} MB）`],
    ['总计', `${figures.total_s} 秒`],
    ['CPU 时间（含子进程）', figures.cpu_s === null ? '无法读取（没有 /proc）' : `${figures.cpu_s} 秒`],
    ['峰值内存（含子进程）', `${figures.peak_rss_mb} MB`],
    ['站点大小', `${figures.site_mb} MB，${figures.files} 个文件`],
    ['首次查询数据', `${figures.query_kb} KB，${query.requests} 个请求（另有运行时 ${(query.runtimeBytes / 1024).toFixed(0)} KB）`],
    ['查询数据构成', Object.entries(query.byKind).map(([kind, { bytes, requests }]) => `${kind} ${(bytes / 1024).toFixed(0)} KB/${requests}`).join('，')],
    ['筛选计数（结果后加载）', `${(query.countBytes / 1024).toFixed(1)} KB`],
    ['首次查询耗时', `${figures.query_ms} 毫秒（加载 ${query.loadMs.toFixed(0)} 毫秒，再次查询 ${query.warmMs.toFixed(0)} 毫秒）`],
    ['查询', `“${query.query}”：${query.total} 个结果`],
    ['分析（含于生成页面）', `${figures.analysis_s} 秒，占总时间 ${figures.total_s > 0 ? ((figures.analysis_s / figures.total_s) * 100).toFixed(1) : '0'}%（与 --no-analysis 的构建比较总计和 CPU 时间，才是分析增加的开销）`],
    ['报告页大小', `平均 ${figures.report_page_kb} KB，最大 ${figures.report_page_max_kb} KB`],
    ...(result.planted
      ? ([
          ['植入真值：雷同段落', `精确率 ${result.planted.reuse.precision}，召回率 ${result.planted.reuse.recall}（${result.planted.reuse.hits}/${result.planted.reuse.found} 找到，共 ${result.planted.reuse.truth} 对）`],
          ['植入真值：计划后续', `精确率 ${result.planted.followUp.precision}，召回率 ${result.planted.followUp.recall}（再次列入：${result.planted.relisted.precision}/${result.planted.relisted.recall}；状态全对 ${result.planted.statusAccuracy}）`],
        ] as [string, string][])
      : []),
    ...(figures.rebuild_s === undefined ? [] : ([['改动后增量构建', `${figures.rebuild_s} 秒`]] as [string, string][])),
  ]
  const width = Math.max(...rows.map(([label]) => displayWidth(label)))
  return rows.map(([label, value]) => `${label}${' '.repeat(width - displayWidth(label))}  ${value}`).join('\n')
}

function displayWidth(text: string): number {
  return [...text].reduce((width, character) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 2 : 1), 0)
}
