import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogue, createMessage, describe as describeRule, formatMessage, isDoubt } from '../src/messages.ts'

const srcDir = fileURLToPath(new URL('../src/', import.meta.url))

/** Every rule id written as a literal in src/: `ruleId: 'x'`, `createMessage('x'`, `describe('x'`, `warn('x'`, `ruleId === 'x'`. */
async function ruleIdsInSource(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>()
  const files = (await readdir(srcDir, { recursive: true })).filter((file) => file.endsWith('.ts') && file !== 'messages.ts')
  const patterns = [
    /ruleId(?:\s*:|\s*===)\s*'([^']+)'/g,
    /\b(?:createMessage|describe|describeWithRule|warn|fail)\(\s*'([^']+)'/g,
    /ruleId: '([a-z0-9-]+)'/g,
    /\{ kind: '[a-z]+', ruleId: '([^']+)' \}/g,
  ]
  for (const file of files) {
    const text = await readFile(path.join(srcDir, file), 'utf8')
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) found.set(match[1] ?? '', [...(found.get(match[1] ?? '') ?? []), file])
    }
  }
  return found
}

describe('the message catalogue', () => {
  it('has a Chinese wording for every rule id used in src/', async () => {
    const used = await ruleIdsInSource()
    expect(used.size).toBeGreaterThan(30)
    const missing = [...used.entries()].filter(([ruleId]) => !(ruleId in catalogue)).map(([ruleId, files]) => `${ruleId} (${files.join(', ')})`)
    expect(missing).toEqual([])
  })

  it('words every rule in Chinese', () => {
    // Rules whose wording picks a variant; every other detail is filled with 某值.
    const variants: Record<string, Record<string, string>> = {
      empty: { cause: 'zero' },
      'pagefind-error': { step: 'index' },
      'no-index': { cause: 'missing' },
      undecodable: { what: 'report' },
    }
    const samples: Record<string, string> = {}
    for (const [ruleId, entry] of Object.entries(catalogue)) {
      const fixed = variants[ruleId] ?? {}
      const params = new Proxy(fixed, { get: (target, key) => (typeof key === 'string' && key in target ? target[key] : '某值') })
      const text = (entry.text as (params: unknown) => string)(params)
      samples[ruleId] = text
      expect(text, ruleId).toMatch(/[\u4e00-\u9fff]/)
      // No English sentence left over: at most identifiers, formats and names.
      expect(text.replace(/`[^`]*`|YYYY-MM-DD|U\+FFFD|UTF-\d+|GB18030|GBK|YAML|HTML|JSON|Pagefind|data-pagefind-body|npm run build|http\(s\)/g, ''), ruleId).not.toMatch(/[a-z]{4,} [a-z]{3,}/i)
    }
    expect(Object.keys(samples).length).toBe(Object.keys(catalogue).length)
  })

  it('prints a whole-file message without a line and a located one with it, rule id in brackets', () => {
    const whole = createMessage('unknown-agency', { file: '2024/a.txt', severity: 'warning' }, { found: '正文只以“我局”自称，未写出名称' })
    expect(formatMessage(whole)).toMatch(/^2024\/a\.txt 未找到报告机构.+ \[unknown-agency\]$/)
    const located = createMessage('heading-number-skip', { file: '2024/a.txt', line: 12, severity: 'warning' }, { number: '三、', previous: '一、' })
    expect(formatMessage(located)).toBe('2024/a.txt:12 标题编号“三、”接在“一、”之后，有编号跳过或重复 [heading-number-skip]')
    expect(describeRule('missing-plans', { expected: '下一年度工作安排' })).toContain('下一年度主要安排')
  })

  it('counts parser doubt for --strict, not facts about the report', () => {
    const where = { file: 'a.txt', severity: 'warning' } as const
    expect(isDoubt(createMessage('unknown-agency', where, { found: '标题中没有机关名' }))).toBe(true)
    expect(isDoubt(createMessage('damaged-heading-number', where, { heading: 'x', number: ')', level: 2 }))).toBe(true)
    expect(isDoubt(createMessage('duplicate-id', where, { id: 'a', owner: 'b', assigned: 'a-2' }))).toBe(true)
    expect(isDoubt(createMessage('missing-leadership', where, { expected: 'x' }))).toBe(false)
    expect(isDoubt(createMessage('missing-leadership', { file: 'a.txt', severity: 'error' }, { expected: 'x' }))).toBe(true)
  })
})
