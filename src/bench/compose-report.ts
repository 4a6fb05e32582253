import type { SectionKind } from '../types.ts'
import type { Random } from './create-random.ts'
import type { SyntheticAgency } from './pick-agency.ts'
import type { SourceBlock, SourcePart, SourcePieces } from './split-source.ts'

/** A real report's pieces and the year it reports on, to shift its dates. */
export interface SourceReport {
  year: number
  pieces: SourcePieces
}

/** What one synthetic report is about. */
export interface ReportPlan {
  agency: SyntheticAgency
  year: number
}

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

const headings: Record<'achievements' | 'leadership' | 'shortcomings' | 'plans', string[]> = {
  achievements: ['推进法治政府建设的主要举措和成效', '主要举措及成效', '工作成效', '法治政府建设主要举措和成效', '主要工作情况'],
  leadership: [
    '党政主要负责人履行推进法治建设第一责任人职责情况',
    '法治建设第一责任人职责切实履行',
    '党政主要负责人扎实履行推进法治政府建设第一责任人职责',
  ],
  shortcomings: ['存在的不足和原因', '存在问题', '存在的问题和不足', '存在的不足及原因'],
  plans: ['下一年度推进法治政府建设的主要安排', '下一步工作安排', '下一年度主要工作安排', '{next}年工作计划'],
}

/** Compose the text of one synthetic report from pieces of real ones, in one of the shapes real reports come in. */
export function composeReport(sources: readonly SourceReport[], plan: ReportPlan, random: Random): string {
  const { agency, year } = plan
  const order: SectionKind[] =
    random.next() < 0.25
      ? ['leadership', 'achievements', 'shortcomings', 'plans']
      : ['achievements', 'leadership', 'shortcomings', 'plans']
  const fullWidth = random.next() < 0.6
  const body: string[] = []
  const preambleSource = random.pick(sources)
  const preamble = rewrite(preambleSource.pieces.preamble.slice(0, 1), preambleSource.year, year, random)
  // The opening names the reporting body: put ours there.
  body.push(...preamble.map((line) => line.replace(/^(\d{4}年度?[，,]?)([^，,。]{2,14}?)(?=坚持|以|深入|全面|认真)/, `$1${agency.short}`)))
  if (body.length === 0) body.push(`${year}年，${agency.short}深入学习贯彻习近平法治思想，现将有关情况报告如下。`)
  order.forEach((kind, index) => {
    const source = pickPart(sources, kind, random)
    const title = random.pick(headings[kind as keyof typeof headings] ?? ['其他']).replace('{next}', String(year + 1))
    body.push(`${digits[index + 1]}、${title}`)
    if (!source) {
      body.push(`${agency.short}${title}的有关情况已另行报告。`)
      return
    }
    const { part, from } = source
    body.push(...rewrite(part.intro, from, year, random))
    const blocks = sample(part.blocks, random)
    blocks.forEach((block, blockIndex) => body.push(...renderBlock(block, blockIndex + 1, fullWidth, from, year, random)))
  })
  return frame(body, plan, random)
}

/** Wrap the body in page furniture: a portal page, a CMS page with breadcrumbs and footer, or a bare document. */
function frame(body: string[], plan: ReportPlan, random: Random): string {
  const { agency, year } = plan
  const month = random.int(1, 3)
  const day = random.int(1, 28)
  const published = `${year + 1}-${pad(month)}-${pad(day)}`
  const time = `${pad(random.int(8, 18))}:${pad(random.int(0, 59))}`
  const title = random.pick([
    `${agency.name}${year}年法治政府建设情况报告`,
    `${agency.name}${year}年度法治政府建设工作报告`,
    `${agency.short}关于${year}年法治政府建设情况的报告`,
    `${agency.name}${year}年度法治政府建设年度报告`,
  ])
  const signature = [agency.name, `${year + 1}年${month}月${day}日`]
  const shape = random.int(0, 2)
  if (shape === 0) {
    const lines = [title, `来源:${agency.name} 发布时间:${published} ${time}`, '', ...body.flatMap((line) => [line, ''])]
    return [...lines, ...signature].join('\n') + '\n'
  }
  if (shape === 1) {
    const indent = '    '
    return [
      '当前位置:首页> 政务公开> 法治政府建设',
      '',
      title,
      `发布日期: ${published} ${time}      来源: ${agency.name}`,
      '字号:',
      '  • 扫一扫在手机打开当前页',
      '',
      `${indent}${title}`,
      '',
      ...body.flatMap((line) => [`${indent}${line}`, '']),
      ...signature.map((line) => `${indent}${line}`),
      '',
      `${indent}主办单位:${agency.name}`,
      `${indent}网站标识码:${random.int(1000000000, 9999999999)}  |  备案序号:ICP备${random.int(10000000, 99999999)}号-${random.int(1, 9)}`,
    ].join('\n') + '\n'
  }
  return [title, ...body, ...signature].join('\n') + '\n'
}

function renderBlock(block: SourceBlock, index: number, fullWidth: boolean, from: number, to: number, random: Random): string[] {
  const number = fullWidth ? `（${digits[index] ?? index}）` : `(${digits[index] ?? index})`
  const [heading = '', inline = ''] = rewrite([block.heading, block.inline], from, to, random)
  const lines = rewrite(block.lines, from, to, random)
  return inline ? [`${number}${heading}。${inline}`, ...lines] : [`${number}${heading}`, ...lines]
}

function pickPart(sources: readonly SourceReport[], kind: SectionKind, random: Random): { part: SourcePart; from: number } | null {
  const candidates = sources.flatMap((source) =>
    source.pieces.parts.filter((part) => part.kind === kind).map((part) => ({ part, from: source.year })),
  )
  return candidates.length > 0 ? random.pick(candidates) : null
}

/** Keep most blocks, in a lightly shuffled order, so no two reports read the same. */
function sample<T>(items: readonly T[], random: Random): T[] {
  if (items.length <= 1) return [...items]
  const kept = random.shuffle(items).slice(0, Math.max(1, Math.ceil(items.length * (0.6 + random.next() * 0.4))))
  return items.filter((item) => kept.includes(item))
}

/** Shift years to the target year and vary every other figure, keeping its size. */
function rewrite(lines: readonly string[], from: number, to: number, random: Random): string[] {
  const shift = to - from
  return lines.map((line) =>
    line.replace(/\d+(?:\.\d+)?/g, (figure) => {
      const value = Number(figure)
      if (/^(19|20)\d\d$/.test(figure)) return String(value + shift)
      if (figure.includes('.') || value < 13) return figure
      return String(Math.max(1, Math.round(value * (0.5 + random.next()))))
    }),
  )
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
