import { createMessage } from '../messages.ts'
import type { Message, MetaOverrides } from '../types.ts'
import { levelOf, levels } from '../vocabulary.ts'

/** Where each field of a metadata mapping was written, for messages. */
export type LineOf = (field: string) => number | null

const fields = ['id', 'title', 'year', 'published', 'url', 'publisher', 'agency', 'short', 'region', 'level'] as const

/** Provenance fields `npm run add` writes into a sidecar (see `FetchRecord`): kept as text, never overriding the parser. */
const fetchFields = ['finalUrl', 'pageUrl', 'retrieved', 'contentType', 'sha256', 'etag', 'lastModified', 'previous'] as const

/**
 * Check a metadata mapping (from a sidecar or front matter) field by field: good values become `MetaOverrides`, a bad
 * value is an `invalid-meta` error naming `file` and the field and is dropped, an unknown field is an `unknown-meta`
 * warning.
 */
export function validateOverrides(data: unknown, file: string, lineOf: LineOf = () => null): { value: MetaOverrides; messages: Message[] } {
  const messages: Message[] = []
  const value: MetaOverrides = {}
  if (data === null || data === undefined) return { value, messages }
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    messages.push(createMessage('invalid-meta', { file, severity: 'error' }, { found: describe(data) }))
    return { value, messages }
  }
  for (const [field, raw] of Object.entries(data)) {
    const line = lineOf(field)
    if ((fetchFields as readonly string[]).includes(field)) {
      if (typeof raw === 'string' && raw.trim() !== '') value.fetched = { ...value.fetched, [field]: raw.trim() }
      else if (raw instanceof Date) value.fetched = { ...value.fetched, [field]: raw.toISOString() }
      else messages.push(createMessage('invalid-meta', { file, line, severity: 'error' }, { field, found: describe(raw), expected: '非空文字' }))
      continue
    }
    if (!(fields as readonly string[]).includes(field)) {
      messages.push(createMessage('unknown-meta', { file, line, severity: 'warning' }, { field, known: [...fields, ...fetchFields].join('、') }))
      continue
    }
    const checked = checkField(field as (typeof fields)[number], raw)
    if ('expected' in checked) {
      messages.push(createMessage('invalid-meta', { file, line, severity: 'error' }, { field, found: describe(raw), expected: checked.expected }))
    } else {
      Object.assign(value, { [field]: checked.value })
    }
  }
  return { value, messages }
}

/** The cleaned value of one known field, or what was expected instead. */
function checkField(field: (typeof fields)[number], raw: unknown): { value: unknown } | { expected: string } {
  switch (field) {
    case 'id': {
      const ok = typeof raw === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(raw)
      return ok ? { value: raw } : { expected: '以单个连字符连接的小写英文字母和数字，如 `2023-tianjin-zwfwb`' }
    }
    case 'year': {
      const year = typeof raw === 'string' && /^\d{4}$/.test(raw.trim()) ? Number(raw) : raw
      const ok = typeof year === 'number' && Number.isInteger(year) && year >= 1949 && year <= 2100
      return ok ? { value: year } : { expected: '1949 至 2100 之间的整数年份，如 `2023`' }
    }
    case 'published': {
      const date = formatDate(raw)
      return date ? { value: date } : { expected: '写作 YYYY-MM-DD 的真实日期，如 `2024-03-27`' }
    }
    case 'url': {
      const url = typeof raw === 'string' ? parseHttpUrl(raw.trim()) : null
      return url ? { value: url } : { expected: '完整的 http(s) 网址，如 `https://www.gov.cn/…`' }
    }
    case 'level': {
      const text = typeof raw === 'string' ? raw.trim() : ''
      const level = levelOf(text)
      return level ? { value: level } : { expected: `${levels.map((entry) => entry.level).join('、')} 之一（也可写 省、市、县、乡镇、部门）` }
    }
    case 'region': {
      const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[/\s]+/) : null
      const ok = parts !== null && parts.every((part) => typeof part === 'string')
      const region = ok ? (parts as string[]).map((part) => part.trim()).filter(Boolean) : []
      return region.length > 0 ? { value: region } : { expected: '从省级往下的地名列表，如 `[四川省, 巴中市]` 或 `四川省/巴中市`' }
    }
    default: {
      const ok = typeof raw === 'string' && raw.trim() !== ''
      return ok ? { value: raw.trim() } : { expected: '非空文字' }
    }
  }
}

/** `YYYY-MM-DD` for a real calendar date (string or YAML timestamp, read in UTC), else null. */
function formatDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10)
  if (typeof raw !== 'string') return null
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim())
  if (!match) return null
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return real ? raw.trim() : null
}

/** The address when it parses as absolute http or https, else null. */
function parseHttpUrl(text: string): string | null {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null
  } catch {
    return null
  }
}

/** A short description of a found value for messages: `"2023-13-01"`, `数字（12）`, `列表`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '…' : value)
  if (value === null || value === undefined) return '空值'
  if (Array.isArray(value)) return '列表'
  if (value instanceof Date) return `日期（${Number.isNaN(value.getTime()) ? '无效' : value.toISOString().slice(0, 10)}）`
  if (typeof value === 'object') return '映射'
  return `${typeof value === 'number' ? '数字' : typeof value}（${String(value)}）`
}
