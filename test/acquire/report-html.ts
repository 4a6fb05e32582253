// Report pages for the fetch tests: a short but complete report for any agency, as a government site would publish it.

/** The text of a complete 2023 report by `agency`, dated `date`, with the four statutory parts. */
export function reportText(agency: string, date = '2024年3月28日', extra = ''): string {
  return [
    `${agency}2023年法治政府建设年度报告`,
    `2023年，${agency}坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设取得新成效。${extra}`,
    '一、主要举措和成效',
    '（一）健全依法决策机制。严格落实重大行政决策程序，对重大事项开展合法性审查，全年审查规范性文件二十件。',
    '（二）规范行政执法行为。全面推行行政执法三项制度，组织执法人员培训，开展案卷评查。',
    '二、党政主要负责人履行推进法治建设第一责任人职责情况',
    '主要负责人带头学法用法，主持召开专题会议研究法治建设工作四次。',
    '三、存在的不足和原因',
    '执法人员专业能力有待提高，法治宣传的针对性还需增强。',
    '四、2024年工作安排',
    '持续推进严格规范公正文明执法，加强法治宣传教育。',
    agency,
    date,
  ].join('\n')
}

/** The report as an HTML page; `head` goes into `<head>` (a `<meta charset>`, or nothing). */
export function reportPage(agency: string, head = '', extra = ''): string {
  const [title, ...lines] = reportText(agency, undefined, extra).split('\n')
  return `<!doctype html><html><head>${head}<title>${title}</title></head><body><div class="nav">首页 &gt; 政务公开</div><article><h1>${title}</h1>${lines.map((line) => `<p>${line}</p>`).join('')}</article></body></html>`
}
