import { isWebsiteName } from '../metadata/body-patterns.ts'
/** Labels of metadata a page prints above or below the article: read into `fields`. */
const metadataLabels = [
  '信息来源', '来源', '稿件来源', '文章来源', '发布时间', '发布日期', '发表时间', '更新时间', '成文日期', '发文日期', '印发日期',
  '生效日期', '时间', '日期', '作者', '撰稿', '撰稿人', '索引号', '发文机关', '发文机构', '发布机构', '发布单位', '发文单位',
  '文号', '发文字号', '主题分类', '主题词', '体裁分类', '组配分类', '分类', '公开方式', '公开范围', '公开时限', '有效性',
  '责任编辑', '编辑', '责编', '审核', '供稿', '所属机构', '来源单位', '信息索引号', '标题', '名称', '主办单位',
  // Further 政府信息公开 catalogue fields.
  '生成日期', '产生日期', '公开日期', '公开时间', '公开形式', '信息分类', '信息类别', '内容分类', '所属主题', '文件编号',
  '失效日期', '废止日期', '有效期', '信息名称', '发布文号', '公开类别', '发文时间', '机构分类', '公文类型', '公文种类',
]

/** Labels of page furniture (counters, footers, navigation): recognised and dropped. */
const furnitureLabels = [
  '浏览次数', '阅读次数', '访问量', '访问次数', '点击数', '点击量', '点击次数', '点击率', '浏览量', '阅读量', '浏览', '阅读',
  '字号', '字体', '字体大小', '主办', '承办单位', '承办', '主管单位', '协办单位', '维护单位', '网站标识码',
  '政府网站标识码', '备案序号', '备案号', 'ICP备案号', '联系方式', '联系电话', '联系地址', '联系我们', '地址', '邮编', '邮箱',
  '电子邮箱', '技术支持', '上一篇', '下一篇', '上一条', '下一条', '分享到', '扫一扫', '相关链接', '相关文章', '相关附件',
  // Credits under a WeChat article: 文字丨张三, 排版 | 李四, 终审：王五.
  '本文来源', '文字', '图片', '文图', '图文', '摄影', '排版', '校对', '初审', '复审', '终审', '监制', '出品', '统筹', '美编',
]

const allLabels = [...metadataLabels, ...furnitureLabels].sort((a, b) => b.length - a.length)
const metadataSet = new Set(metadataLabels)
// Pages pad labels to equal width (标　　题：), so spaces may sit between a label's characters.
const labelSource = allLabels.map((label) => [...label].join('\\s*')).join('|')
// Some pages print the date bare before the labels: 2024-02-05 10:12　来源：本站　【字体：大 中 小】, after a bullet
// (• 2021年03月22日 16时47分) or after the site's host (www.dg.gov.cn  2019-01-24 15:36  来源:…).
const leadingDate =
  /^[\s•·●▪◆■]*(?:(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\s+)?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:时]\s*\d{2}(?:\s*[:分]\s*(?:\d{2}\s*秒?)?)?)?(?!\d)/i
const datePrefix = /^[\s•·●▪◆■]*(?:(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\s+)?/i
// What may follow a bare date on its line: the site or body that published it (2025-04-27 10:14 黑龙江省人民政府网).
const sourceAfterDate = /^[\u4e00-\u9fa5A-Za-z0-9.]{2,30}$/
// WeChat writes 来源丨… and 编辑 | … where pages write a colon.
const leadingLabel = new RegExp(`^[\\s•·●▪◆■|\\[(*-]*(?:${labelSource})\\s*[:|丨]`)
const wholeLabel = new RegExp(`^(?:${labelSource})$`)
const anyLabel = new RegExp(`(${labelSource})\\s*[:|丨]`, 'g')

/** What a `label: value` line holds: metadata values keyed by label, and whether it also held furniture. */
export interface FieldLine {
  /** Metadata values as written, keyed by label without spaces. */
  fields: Record<string, string>
}

/**
 * Read a line made only of `label: value` pairs (来源: … 发布时间: …), perhaps after a bare date (`2024-02-05 10:12　来源：本站`,
 * read as 发布时间), or return null when it is body text.
 * Works on the normalised line (`：` folded to `:`); values are sliced from the line as written.
 */
export function readFieldLine(text: string, norm: string): FieldLine | null {
  if (norm.length > 240 || norm.includes('。')) return null
  const date = leadingDate.exec(norm)?.[0] ?? ''
  const rest = norm.slice(date.length).trim()
  const fields: Record<string, string> = {}
  if (date !== '') fields['发布时间'] = text.slice(0, date.length).replace(datePrefix, '').trim()
  // A signature date stands alone without a time; a page's date carries a time, a host or its site's name.
  const pageDate = date !== '' && (/[:时]|[a-z]/i.test(date) || (sourceAfterDate.test(rest) && isWebsiteName(rest)))
  if (pageDate && (rest === '' || sourceAfterDate.test(rest))) {
    if (rest !== '') fields['来源'] = rest
    return { fields }
  }
  if (!leadingLabel.test(norm.slice(date.length))) return readSpacedFields(norm)
  const matches = [...norm.matchAll(anyLabel)]
  matches.forEach((match, index) => {
    const label = (match[1] ?? '').replace(/\s+/g, '')
    const start = (match.index ?? 0) + match[0].length
    const end = matches[index + 1]?.index ?? norm.length
    const value = text.slice(start, end).replace(/^[\s|｜丨:：]+|[\s|｜丨[\]【】]+$/gu, '')
    if (metadataSet.has(label) && value !== '' && !(label in fields)) fields[label] = value
  })
  return { fields }
}

/**
 * Read a catalogue row that separates labels from values by spaces only (索引号 发布机构 区政府 / 公开类别 主动公开
 * 发布时间 2023-03-27): at least two known labels, each followed by its value words. Null when it is body text.
 */
function readSpacedFields(norm: string): FieldLine | null {
  const words = norm.split(/\s+/).filter(Boolean)
  if (words.filter((word) => wholeLabel.test(word)).length < 2 || !wholeLabel.test(words[0] ?? '')) return null
  const fields: Record<string, string> = {}
  let label: string | null = null
  for (const word of words) {
    if (wholeLabel.test(word)) {
      label = word
      continue
    }
    if (label !== null && metadataSet.has(label)) fields[label] = fields[label] === undefined ? word : `${fields[label]} ${word}`
  }
  return { fields }
}

/** Whether a line is a catalogue label written alone, its value on the next line (公开日期 / 2018年04月28日). */
export function isLabelLine(norm: string): string | null {
  const compact = norm.replace(/\s+/g, '')
  return metadataSet.has(compact) || catalogueLabel.test(compact) ? compact : null
}

// Labels of 政府信息公开 catalogue tables that vary from site to site: 机构分类, 行业分类, 公文类型.
const catalogueLabel = /^[\u4e00-\u9fa5]{2,4}(?:分类|类型|类别|主题词|日期)$/
