import { stringify } from 'yaml'
import type { FetchRecord } from '../types.ts'

/**
 * The text of a sidecar `NAME.meta.yml` for a fetched original: `url` as asked, then the provenance fields that are
 * known, in a fixed order, under a comment saying who wrote it. Values are quoted so YAML never turns them into dates.
 */
export function formatSidecar(url: string, record: FetchRecord): string {
  const fields: Array<[string, string | undefined]> = [
    ['url', url],
    ['pageUrl', record.pageUrl],
    ['finalUrl', record.finalUrl],
    ['retrieved', record.retrieved],
    ['contentType', record.contentType],
    ['sha256', record.sha256],
    ['etag', record.etag],
    ['lastModified', record.lastModified],
    ['previous', record.previous],
  ]
  const data = Object.fromEntries(fields.filter((field): field is [string, string] => field[1] !== undefined))
  const yaml = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })
  return `# 由 npm run add 写入的抓取记录（原文件保持原样）。可在下方补充或更正 agency、year、published 等字段。\n${yaml}`
}
