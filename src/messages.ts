import type { Message } from './types.ts'

/**
 * The Chinese wording of every message a user sees, one entry per rule id, shared by every stage.
 *
 * `doubt` marks what `--strict` fails on: the parser was unsure (an unknown field, a damaged heading, a duplicate, an
 * unreadable file). Rules without it state facts about the report itself (a statutory part is missing) or about the
 * build; they are shown on the quality and report pages and never fail a build by themselves.
 * `label` is the rule's short name for tallies. `field` names the report field a rule is about, so the quality page can offer a sidecar line that fixes it.
 */
export const catalogue = {
  // Reading files (src/ingest)
  unreadable: rule('doubt', '无法读取', (p: { detail: string }) => `无法读取：${p.detail}`),
  'too-large': rule('doubt', '文件过大', (p: { size: string; limit: string }) => `文件大小 ${p.size}，超过单篇报告 ${p.limit} 的上限，未读取`),
  binary: rule('doubt', '二进制文件', (p: { what: string }) => `是${/^[\w]/.test(p.what) ? ' ' : ''}${p.what}，不是文本报告`),
  undecodable: rule('doubt', '无法解码', (p: { what: 'report' | 'sidecar' }) =>
    p.what === 'report' ? '不是有效的 UTF-8、UTF-16 或 GB18030/GBK 文本；请另存为 UTF-8' : '元数据文件不是 UTF-8 或 GBK 文本；请另存为 UTF-8'),
  empty: rule('doubt', '没有正文', (p: { cause: 'zero' | 'blank' | 'markup' | 'front-matter' | 'furniture' }) => emptyCause[p.cause]),
  'invalid-bytes': rule('doubt', '编码损坏', (p: { count: number; encoding: string }) =>
    `有 ${p.count} 处字节不是有效的 ${p.encoding} 编码（下载不完整或文件损坏？），以 U+FFFD 显示`),
  'invalid-meta': rule('doubt', '元数据无效', (p: { field?: string; found?: string; expected?: string; yaml?: string }) =>
    p.yaml !== undefined
      ? `元数据不是有效的 YAML：${p.yaml}`
      : p.field === undefined
        ? `元数据应是“字段: 值”的映射，实际是 ${p.found ?? '其他内容'}`
        : `元数据字段 \`${p.field}\` 的值 ${p.found ?? ''} 无效，应为${p.expected ?? '有效值'}；已忽略该字段`),
  'unknown-meta': rule('doubt', '未知元数据字段', (p: { field: string; known: string }) => `未知的元数据字段 \`${p.field}\`，可用字段：${p.known}`),
  'unread-metadata': rule('doubt', '未读取的元数据文件', (p: { expected: string | null }) =>
    p.expected === null
      ? '看似元数据文件，但旁边没有同名报告，未被读取'
      : `看似元数据文件，但未被读取；元数据文件须命名为 ${p.expected}`),
  'duplicate-sidecar': rule('doubt', '重复的元数据文件', (p: { used: string }) => `与 ${p.used} 重复：同一报告只读一个元数据文件，本文件未被读取`),
  'unreadable-folder': rule('doubt', '无法列出文件夹', (p: { detail: string }) => `无法列出报告文件夹：${p.detail}`),
  // Parsing (src/parse)
  'no-cjk': rule('doubt', '没有中文', () => '没有中文文本；应为中文的法治政府建设报告'),
  'not-a-report': rule('doubt', '不像报告', (p: { cjk?: number; min?: number }) =>
    p.cjk === undefined
      ? '正文没有出现“法治”“依法”或“政府”，不像法治政府建设报告'
      : `正文只有 ${p.cjk} 个汉字，报告至少应有 ${p.min ?? 0} 个`),
  'damaged-heading-number': rule('doubt', '标题编号残缺', (p: { heading: string; number: string | null; level: number }) =>
    p.number === null
      ? `标题“${p.heading}”没有编号，而同级标题都有编号；按第 ${p.level} 级标题处理`
      : `标题“${p.heading}”的编号“${p.number}”残缺；按前后标题推断为第 ${p.level} 级标题`),
  'heading-number-skip': rule('doubt', '标题编号跳号', (p: { number: string; previous: string }) => `标题编号“${p.number}”接在“${p.previous}”之后，有编号跳过或重复`),
  'no-headings': rule('doubt', '没有标题', () => '未找到任何标题，全文按一个部分处理'),
  'missing-achievements': rule('fact', '缺少主要举措和成效', (p: { expected: string }) => `未找到“主要举措和成效”部分（应有类似“${p.expected}”的标题）`),
  'missing-leadership': rule('fact', '缺少第一责任人职责', (p: { expected: string }) => `未找到“第一责任人职责”部分（应有类似“${p.expected}”的标题）`),
  'missing-shortcomings': rule('fact', '缺少不足和原因', (p: { expected: string }) => `未找到“存在的不足和原因”部分（应有类似“${p.expected}”的标题）`),
  'missing-plans': rule('fact', '缺少下一年度安排', (p: { expected: string }) => `未找到“下一年度主要安排”部分（应有类似“${p.expected}”的标题）`),
  'invalid-date': rule('doubt', '日期无效', (p: { found: string }) => `“${p.found}”不是有效日期，应为 YYYY-MM-DD`, 'published'),
  'unknown-agency': rule('doubt', '机构未知', (p: { found: string }) => `未找到报告机构名称：${p.found}；请在 .meta.yml 中设置 agency`, 'agency'),
  'host-place-conflict': rule('doubt', '地区与网址不符', (p: { text: string; host: string }) =>
    `正文指向${p.text}，网址或来源网站却属于${p.host}；按正文取地区，请核对（可能是转载）`, 'region'),
  'ambiguous-region': rule('doubt', '地区存疑', (p: { agency: string; candidates: string; kept: string }) =>
    `${p.agency}：名称可对应 ${p.candidates}，正文未更多提及其中任一省市；地区暂定为 [${p.kept}]`, 'region'),
  'unknown-region': rule('doubt', '地区未知', (p: { agency: string }) => `${p.agency}：名称和其他线索中都没有省、市、县名，地区未知`, 'region'),
  'unknown-level': rule('doubt', '层级未知', (p: { agency: string }) => `${p.agency}：无法判断层级（省、市、县、乡镇或部门）`, 'level'),
  'year-from-publication-date': rule('doubt', '年度由发布日期推定', (p: { published: string; year: number | null }) =>
    `标题、导语和工作安排标题中都没有年度；按发布年份 ${p.published} 减一推定为 ${p.year ?? ''} 年`, 'year'),
  'year-from-folder': rule('doubt', '年度取自文件夹', (p: { year: number | null }) =>
    `正文未写明报告年度（标题、导语、各部分标题均无年份），按文件所在文件夹取 ${p.year ?? ''} 年`, 'year'),
  'year-folder-mismatch': rule('doubt', '年度与文件夹不符', (p: { year: number; folderYear: number }) =>
    `正文所写年度为 ${p.year} 年，文件却在 ${p.folderYear} 年的文件夹中；请核对并移动文件或在 .meta.yml 中设置 year`, 'year'),
  'unknown-year': rule('doubt', '年度未知', () => '标题、导语、工作安排标题和发布日期中都没有年度', 'year'),
  'unknown-published': rule('fact', '发布日期未注明', () => '原文没有注明发布日期或落款日期', 'published'),
  'title-supplied': rule('fact', '题名为拼成', (p: { title: string }) => `原文没有标题，题名“${p.title}”由机构和年度拼成`, 'title'),
  parse: rule('doubt', '解析提示', (p: { detail: string }) => p.detail),
  // Building the site (src/site)
  'duplicate-report': rule('doubt', '重复的报告', (p: { kept: string; encodings: string }) =>
    `与 ${p.kept} 正文相同（同一报告的另一份副本，${p.encodings}），只发布 ${p.kept}`),
  'duplicate-id': rule('doubt', '编号重复', (p: { id: string; owner: string; assigned: string }) =>
    `编号 ${p.id} 已由 ${p.owner} 使用，本报告发布为 ${p.assigned}；可在元数据文件中用 \`id\` 指定稳定编号`, 'id'),
  'id-changed': rule('fact', '编号已更改', (p: { from: string; to: string }) => `编号由 ${p.from} 改为 ${p.to}；旧链接已转到新地址`),
  'report-followed': rule('fact', '改名并修改', (p: { from: string; id: string }) =>
    `原文件 ${p.from} 已不在，本文件推断出同一编号，视为同一篇报告改名并修改；永久链接 ${p.id} 不变（若不是同一篇，请在附注文件中写明 id）`),
  'report-removed': rule('fact', '报告已移除', (p: { id: string }) => `源文件已不在报告文件夹中；永久链接 ${p.id} 保留为“已移除”页面`),
  'invalid-registry': rule('doubt', '登记表无效', (p: { detail: string }) => `永久链接登记表无法读取（${p.detail}）；本次构建不更新它，请修复后重新构建`),
  'registry-updated': rule('fact', '登记表已更新', (p: { added: number; changed: number; removed: number }) =>
    `永久链接登记表已更新（新增 ${p.added}，改号 ${p.changed}，移除 ${p.removed}）；请把它与报告一起提交`),
  'no-report': rule('doubt', '没有产生报告', () => '文件没有产生报告，也没有给出原因'),
  'bad-output-folder': rule('doubt', '输出文件夹无效', (p: { cause: 'project' | 'not-folder' }) =>
    p.cause === 'project'
      ? '看起来是项目文件夹（有 package.json、.git 或 src），不是构建出的网站，拒绝清空；请用 --out 指定另一个输出文件夹'
      : '不是文件夹，无法作为输出文件夹；请用 --out 指定一个文件夹'),
  'parse-worker-stopped': rule('doubt', '解析线程退出', (p: { code: number }) => `解析线程意外退出（退出码 ${p.code}），还有文件未解析`),
  'internal-error': rule('doubt', '内部错误', (p: { detail: string }) => `解析时发生内部错误：${p.detail}`),
  'build-failed': rule('doubt', '构建中止', (p: { detail: string }) => `构建中止：${p.detail}`),
  'parse-cache-gone': rule('doubt', '解析缓存条目丢失', (p: { detail: string }) =>
    `构建中读回报告正文时，解析缓存中的这一条目已无法读取（${p.detail}）；可能另一次构建清理了缓存，请重新构建`),
  'heap-limit': rule('fact', '堆内存上限过小', (p: { reports: string; needed: string; limit: string; ask: string; short: boolean }) =>
    `${p.reports} 份报告的构建预计需要约 ${p.needed} 的堆内存，超过 Node 当前的上限 ${p.limit}：以 --max-old-space-size=${p.ask}（并设 MALLOC_ARENA_MAX 与 MALLOC_MMAP_THRESHOLD_，减少多线程内存碎片、及时归还大块内存）重新启动` +
    (p.short ? '（已是本机内存的四分之三，可能仍然不够）' : '')),
  // Fetching reports from the web (src/acquire)
  'bad-url': rule('doubt', '网址无效', (p: { redirect?: string }) =>
    p.redirect === undefined ? '不是有效的 http(s) 网址' : `重定向到无效网址 ${p.redirect}`),
  'fetch-status': rule('doubt', '服务器返回错误', (p: { status: number; at: string | null }) =>
    `服务器返回 HTTP ${p.status}${statusWords[p.status] ?? ''}${p.at === null ? '' : `（重定向后的 ${p.at}）`}`),
  'fetch-timeout': rule('doubt', '超时', (p: { seconds: number }) => `超时：${p.seconds} 秒内没有收到响应（已按退避重试）`),
  'fetch-too-large': rule('doubt', '内容过大', (p: { size: string; limit: string }) => `内容 ${p.size}，超过 ${p.limit} 的上限，未保存`),
  'fetch-network': rule('doubt', '网络错误', (p: { detail: string }) => `网络错误：${p.detail}`),
  'too-many-redirects': rule('doubt', '重定向过多', (p: { limit: number }) => `重定向超过 ${p.limit} 次，已放弃`),
  'robots-disallowed': rule('doubt', 'robots.txt 禁止', (p: { robotsUrl: string; line: number | null }) =>
    `robots.txt 不允许抓取此网址（${p.robotsUrl}${p.line === null ? '' : ` 第 ${p.line} 行`}），未抓取`),
  'robots-unreachable': rule('doubt', 'robots.txt 无法读取', (p: { robotsUrl: string; reason: string }) =>
    `无法读取 ${p.robotsUrl}（${p.reason}）；按 RFC 9309 视为暂不允许抓取，请稍后再试`),
  'unsupported-format': rule('doubt', '格式不受支持', (p: { what: string }) =>
    `格式不受支持：${p.what}；可添加 HTML 网页、纯文本、PDF（有文字层）或 .docx`),
  'legacy-word': rule('doubt', '旧版 Word/WPS', (p: { format: 'doc' | 'wps' }) =>
    `是旧版 ${p.format === 'doc' ? 'Word（.doc）' : 'WPS（.wps）'} 文件，无法读取；请用 Word 或 WPS 打开后另存为 .docx 再添加`),
  'scanned-pdf': rule('doubt', 'PDF 无文字层', (p: { pages: number }) => `PDF 无文字层，需 OCR（共 ${p.pages} 页，均无可提取的文字，应是扫描件）`),
  'unreadable-pdf': rule('doubt', 'PDF 无法读取', (p: { detail: string }) => `PDF 无法读取：${p.detail}`),
  'unreadable-docx': rule('doubt', '.docx 无法读取', (p: { detail: string }) => `.docx 无法读取：${p.detail}`),
  'report-added': rule('fact', '已保存', (p: { file: string; via: string | null }) =>
    `已保存为 ${p.file}${p.via === null ? '' : `（网页正文只是附件链接，已抓取附件 ${p.via}）`}`),
  'report-unchanged': rule('fact', '未变化', (p: { file: string; textOnly?: boolean }) =>
    p.textOnly === true
      ? `报告正文与 ${p.file} 相同（只有网页的其他部分变了，如访问量、时间）；未写入任何文件`
      : `内容未变化，与 ${p.file} 相同；未写入任何文件`),
  'report-changed': rule('fact', '原文已修改', (p: { file: string; previous: string }) => `原文已修改：新版本保存为 ${p.file}，旧版本 ${p.previous} 保留`),
  'source-modified': rule('fact', '原文于发布后修改', (p: { date: string; versions: number }) => `原文于 ${p.date} 修改（共 ${p.versions} 个版本）`),
  // Search index (src/search)
  'site-unreadable': rule('doubt', '无法读取网站', (p: { detail: string }) => `无法读取已构建的网站：${p.detail}`),
  'no-report-pages': rule('fact', '没有报告页面', () => '没有报告页面可以索引，搜索索引为空'),
  'unknown-bundle': rule('doubt', '没有这个索引分片', (p: { names: string; known: string }) => `没有名为 ${p.names} 的索引分片；本次构建的分片：${p.known}`),
  'pagefind-error': rule('doubt', '索引出错', (p: { step: 'runtime' | 'index' | 'crash'; detail: string }) => pagefindStep[p.step] + p.detail),
  'bad-option': rule('doubt', '命令参数有误', (p: { detail: string }) => p.detail),
  'no-query': rule('doubt', '没有关键词', () => '请给出关键词或筛选条件'),
  'unknown-filter-value': rule('doubt', '筛选值不存在', (p: { name: string; typed: string; accepted: string }) => `没有${p.name}“${p.typed}”；${p.accepted}`),
  'no-index': rule('doubt', '没有搜索索引', (p: { cause: 'empty-manifest' | 'script' | 'missing'; detail?: string }) =>
    p.cause === 'empty-manifest'
      ? '索引清单中没有任何索引包；请重新构建'
      : p.cause === 'script'
        ? `无法加载 Pagefind 搜索脚本：${p.detail ?? ''}；请先构建网站`
        : '此文件夹中没有搜索索引；请先构建网站（npm run build）'),
  'bad-manifest': rule('doubt', '索引清单无效', (p: { detail: string }) => `索引清单不是有效的 JSON：${p.detail}`),
  // The benchmark (src/bench)
  'no-source-reports': rule('doubt', '没有可重组的报告', () => '其中没有可供重组的 .txt 报告'),
  'bench-index-failed': rule('doubt', '基准测试索引失败', (p: { detail: string }) => `建立索引失败：${p.detail}`),
  'bench-not-incremental': rule('doubt', '重新构建不是增量的', () => '--touch 改动报告后的重新构建不是增量构建'),
  'bench-rebuild-failed': rule('doubt', '基准测试重新构建失败', (p: { detail: string }) => `--touch 改动报告后的重新构建（独立进程）失败：${p.detail}`),
} as const

/** A rule id: a key of the catalogue. */
export type RuleId = keyof typeof catalogue

/** What a rule's wording needs, e.g. `{ field: 'year' }`. */
export type RuleParams<R extends RuleId> = Parameters<(typeof catalogue)[R]['text']>[0]

/** The rest arguments that carry a rule's details: none for a rule without any. */
export type RuleArgs<R extends RuleId> = RuleParams<R> extends undefined ? [] : [params: RuleParams<R>]

/**
 * The Chinese wording of a rule with its details filled in.
 * @example describe('unknown-region', { agency: '某市司法局' })
 */
export function describe<R extends RuleId>(ruleId: R, ...params: RuleArgs<R>): string {
  const text = catalogue[ruleId].text as (input: unknown) => string
  return text(params[0] ?? {})
}

/**
 * A rule's wording with its id, `原因 [rule-id]`, for what concerns no one file: a usage error, an error thrown.
 * @example describeWithRule('bench-not-incremental') // '--touch 改动报告后的重新构建不是增量构建 [bench-not-incremental]'
 */
export function describeWithRule<R extends RuleId>(ruleId: R, ...params: RuleArgs<R>): string {
  return `${describe(ruleId, ...params)} [${ruleId}]`
}

/** A message of `ruleId` about `file` (line null for the whole file). */
export function createMessage<R extends RuleId>(
  ruleId: R,
  where: { file: string; line?: number | null; severity: Message['severity'] },
  ...params: RuleArgs<R>
): Message {
  return { file: where.file, line: where.line ?? null, reason: describe(ruleId, ...params), ruleId, severity: where.severity }
}

/**
 * A file size as the size messages give it: `52.4 MiB`, or `812 字节` under one MiB.
 * @example formatSize(3 * 1024 * 1024) // '3.0 MiB'
 */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} 字节`
}

/**
 * One line for a terminal: `file:line 原因 [rule-id]`, without `:line` for a message about the whole file. The one
 * formatter: the CLIs, the build output and the evaluation print messages through it, `reportWarnings` drops the file.
 */
export function formatMessage(message: Message): string {
  return `${message.file}${message.line === null ? '' : `:${message.line}`} ${reasonWithRule(message)}`
}

/**
 * `Report.warnings`, derived once from the parse's messages: each warning as `原因 [rule-id]`, without the file (it is
 * the report's own) or the line. Kept in the report because the published JSON (src/report.schema.json) carries it;
 * the build, the CLIs and the quality page work from the messages themselves.
 */
export function reportWarnings(messages: readonly Message[]): string[] {
  return messages.filter((message) => message.severity === 'warning').map(reasonWithRule)
}

function reasonWithRule(message: Message): string {
  return `${message.reason} [${message.ruleId}]`
}

/** True when `--strict` should fail on this message: an error, or a warning of a rule that marks parser doubt. */
export function isDoubt(message: Message): boolean {
  // A rule id missing from the catalogue is a bug; isDoubtRule counts it as doubt so strict builds notice.
  return message.severity === 'error' || isDoubtRule(message.ruleId)
}

/** The rule's short Chinese name, e.g. `机构未知`; the rule id itself when it is not in the catalogue. */
export function labelOf(ruleId: string): string {
  const entry = (catalogue as Record<string, { label: string } | undefined>)[ruleId]
  return entry?.label ?? ruleId
}

/** Whether `--strict` fails on warnings of this rule. */
export function isDoubtRule(ruleId: string): boolean {
  const entry = (catalogue as Record<string, { kind: RuleKind } | undefined>)[ruleId]
  return entry === undefined || entry.kind === 'doubt'
}

/** The report field a rule is about (`agency`, `year`…), or null. */
export function fieldOf(ruleId: string): Field | null {
  const entry = (catalogue as Record<string, { field: Field | null } | undefined>)[ruleId]
  return entry?.field ?? null
}

/** Report fields a sidecar can correct. */
export type Field = 'agency' | 'region' | 'level' | 'year' | 'published' | 'title' | 'id'

type RuleKind = 'doubt' | 'fact'

function rule<P = undefined>(kind: RuleKind, label: string, text: (params: P) => string, field: Field | null = null) {
  return { kind, label, text, field }
}

const emptyCause = {
  zero: '是空文件（0 字节），应为报告正文',
  blank: '只有空白字符，应为报告正文',
  markup: '除 HTML 标记外没有文字，应为报告正文',
  'front-matter': '除文首元数据外没有文字，应为报告正文',
  furniture: '去掉网页杂项和元数据行后没有报告正文',
} as const

/** The usual meaning of the HTTP statuses a government site answers with. */
const statusWords: Readonly<Record<number, string>> = {
  400: '（请求无效）',
  401: '（需要登录）',
  403: '（禁止访问）',
  404: '（页面不存在）',
  410: '（页面已删除）',
  429: '（请求过多，已按退避重试）',
  500: '（服务器内部错误，已按退避重试）',
  502: '（网关错误，已按退避重试）',
  503: '（服务不可用，已按退避重试）',
  504: '（网关超时，已按退避重试）',
}

const pagefindStep = {
  runtime: '无法从 Pagefind 取得搜索程序：',
  index: '写出搜索索引包时出错：',
  crash: '建立索引中止：',
} as const
