import { classifyPart } from '../kinds/classify-part.ts'

/** Longest part heading this rule will cut off, in characters. */
const maxHeading = 60
// Statutory part titles end in one of these words: 主要举措和成效, 存在的不足和原因, 第一责任人职责情况, 主要安排.
const partEnd = /情况|成效|举措|措施|原因|不足|问题|安排|打算|计划|思路|职责/g
// What a report's first sentence opens with: a year, 一是, a sub-item number, or the reporting body as subject.
const sentenceStart = new RegExp([
  '\\d{4}年', '[一二三四五六七八九十]是', '首先', '\\([一二三四五六七八九十\\d]{1,3}\\)', '[一二三四五六七八九十]、', '今年', '近年',
  '一年来', '过去一年', '我[局委厅办区市县州镇乡街院部]', '本[局委厅办区市县单部]',
  '全[区市县州省镇乡局委厅]', '[省市区县州旗镇乡]委', '[省市区县州旗]政府', '[省市区县州旗镇乡]长', '书记', '主要(?:负责人|领导)', '领导班子', '党委', '党组', '各级', '各部门',
].map((source) => `(?:${source})`).join('|'), 'y')

/**
 * Where a part heading that runs straight into its body without 。 or ： ends (`三、存在的不足和原因一是…`,
 * `（四）…第一责任人职责情况州委…`), as an offset into `norm`; null unless the text up to a statutory part-title ending
 * names a part and the text after it opens a sentence. The first such ending wins, so a 职责 inside the body is never taken.
 */
export function findPartBoundary(norm: string, start: number): number | null {
  partEnd.lastIndex = start
  for (let match = partEnd.exec(norm); match !== null && match.index + match[0].length - start <= maxHeading; match = partEnd.exec(norm)) {
    const end = match.index + match[0].length
    sentenceStart.lastIndex = end
    if (sentenceStart.test(norm) && classifyPart(norm.slice(start, end)) !== null) return end
  }
  return null
}
