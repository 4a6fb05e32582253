import { cleanFieldValue } from './collect-agency-evidence.ts'
import { findHintSite } from './find-title.ts'

/** Field labels naming where the page was published, most specific first. */
const publisherLabels = ['来源', '信息来源', '稿件来源', '文章来源', '发布机构', '发布单位', '来源单位', '网站名称', '主办单位']

/**
 * The site or body named as 来源 (青岛政务网, 天津市人民政府政务服务办公室), else the site name a page title ends
 * with; simplified characters. Null when neither is given.
 */
export function findPublisher(input: {
  override: string | undefined
  fields: Record<string, string>
  hint: string | undefined
}): string | null {
  if (input.override !== undefined) return input.override
  for (const label of publisherLabels) {
    const value = cleanFieldValue(input.fields[label])
    if (value !== null && !/^(?:本站|本网|原创|综合)$/.test(value)) return value
  }
  const site = input.hint === undefined ? null : findHintSite(input.hint)
  return site === null ? null : cleanFieldValue(site)
}
