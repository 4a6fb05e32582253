import { parsePlanted } from '../../src/bench/plant-truth.ts'
import type { Report } from '../../src/types.ts'

/** Parse a small report text with its id, agency and year set, as a sidecar would. */
export function reportOf(id: string, text: string): Report {
  return parsePlanted(id, Number(id.slice(0, 4)), `${id.slice(5)}局`, text)
}

/** A report with the given parts, each a list of paragraphs. */
export function composeText(agency: string, year: number, parts: { achievements?: string[]; shortcomings?: string[]; plans?: string[] }): string {
  return [
    `${agency}${year}年法治政府建设情况报告`,
    `${year}年${agency}工作情况如下。`,
    '一、主要举措和成效',
    ...(parts.achievements ?? ['依法履行政府职能，各项工作有序开展。']),
    '二、存在的不足和原因',
    ...(parts.shortcomings ?? ['法治宣传的针对性还不够强。']),
    `三、${year + 1}年工作安排`,
    ...(parts.plans ?? ['继续做好各项工作。']),
    agency,
    `${year + 1}年3月1日`,
    '',
  ].join('\n')
}
