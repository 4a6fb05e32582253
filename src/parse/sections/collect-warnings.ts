import type { Message, Section, SectionKind } from '../../types.ts'
import { createMessage } from '../../messages.ts'

const checkedKinds: readonly { kind: SectionKind; ruleId: 'missing-achievements' | 'missing-leadership' | 'missing-shortcomings' | 'missing-plans' }[] = [
  { kind: 'achievements', ruleId: 'missing-achievements' },
  { kind: 'leadership', ruleId: 'missing-leadership' },
  { kind: 'shortcomings', ruleId: 'missing-shortcomings' },
  { kind: 'plans', ruleId: 'missing-plans' },
]

/** Warnings about the finished structure: statutory parts not found, numbering that skips, no headings at all. */
export function collectWarnings(file: string, sections: readonly Section[]): Message[] {
  const messages: Message[] = []
  const all = flatten(sections)
  if (!all.some((section) => section.heading !== null)) messages.push(createMessage('no-headings', { file, severity: 'warning' }))
  for (const { kind, ruleId } of checkedKinds) {
    if (!all.some((section) => section.kind === kind)) messages.push(createMessage(ruleId, { file, severity: 'warning' }, { expected: hint(kind) }))
  }
  checkSequence(sections, (line, number, previous) => {
    messages.push(createMessage('heading-number-skip', { file, line, severity: 'warning' }, { number, previous }))
  })
  return messages
}

function checkSequence(siblings: readonly Section[], warn: (line: number | null, number: string, previous: string) => void): void {
  let previous = null as { ordinal: number; style: string; number: string } | null
  for (const section of siblings) {
    const number = section.number
    const ordinal = number === null ? null : ordinalOf(number)
    if (number !== null && ordinal !== null) {
      const style = styleOf(number)
      if (previous !== null && previous.style === style && ordinal !== previous.ordinal + 1 && ordinal !== 1) {
        warn(section.position?.start ?? null, number, previous.number)
      }
      previous = { ordinal, style, number }
    } else if (number !== null && previous !== null) {
      // A damaged number stands in for the next one in the sequence.
      previous = { ordinal: previous.ordinal + 1, style: previous.style, number: previous.number }
    }
    checkSequence(section.children, warn)
  }
}

const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function ordinalOf(number: string): number | null {
  const arabic = /\d+/.exec(number)
  if (arabic !== null) return Number(arabic[0])
  const chinese = /[一二三四五六七八九十]+/.exec(number)?.[0]
  if (chinese === undefined) return null
  if (chinese.length === 1) return digits[chinese] ?? null
  const ten = chinese.indexOf('十')
  if (ten === -1) return null
  return (ten === 0 ? 1 : digits[chinese.charAt(0)] ?? 0) * 10 + (digits[chinese.charAt(ten + 1)] ?? 0)
}

function styleOf(number: string): string {
  return number.replace(/[一二三四五六七八九十\d]+/g, '#').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/\s+/g, '')
}

function hint(kind: SectionKind): string {
  const hints: Partial<Record<SectionKind, string>> = {
    achievements: '一、主要举措和成效', leadership: '党政主要负责人履行推进法治建设第一责任人职责情况',
    shortcomings: '存在的不足和原因', plans: '下一年度工作安排',
  }
  return hints[kind] ?? kind
}

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.children)])
}
