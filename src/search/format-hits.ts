import type { SearchHit } from '../../templates/assets/search.core.js'
import { decodeEntities } from './decode-entities.ts'

/** The `--json` shape of a hit: what scripts and other tools may rely on. */
export interface JsonHit {
  url: string
  title: string
  excerpt: string
  sub_results: { url: string; title: string }[]
}

/** Reduce hits to the stable `--json` shape. */
export function toJsonHits(hits: SearchHit[]): JsonHit[] {
  return hits.map((hit) => ({
    url: hit.url,
    title: hit.title,
    excerpt: hit.excerpt,
    sub_results: hit.sub_results.map((sub) => ({ url: sub.url, title: sub.title })),
  }))
}

/** Render hits as a readable numbered list; highlights become 【】 and HTML entities are decoded. */
export function formatHits(hits: SearchHit[], total: number, approximate = false): string {
  if (hits.length === 0) return '没有找到结果。\n'
  // An approximate total is an upper bound: some candidates were not checked and may not hold the words.
  const count = approximate ? `共约 ${total} 篇报告（最多 ${total} 篇，未逐篇核对）` : `共 ${total} 篇报告`
  const lines = [`${count}${total > hits.length ? `，显示前 ${hits.length} 篇` : ''}：`, '']
  hits.forEach((hit, index) => {
    const about = [hit.agency, hit.year && `${hit.year}年`].filter(Boolean).join(' · ')
    lines.push(`${index + 1}. ${hit.title}${about ? `（${about}）` : ''}`, `   ${hit.url}`, `   ${plain(hit.excerpt)}`)
    for (const sub of hit.sub_results.slice(0, 3)) lines.push(`   → ${sub.title}  ${sub.url}`)
    lines.push('')
  })
  return lines.join('\n')
}

function plain(html: string): string {
  return decodeEntities(
    html
      .replace(/<mark>/g, '【')
      .replace(/<\/mark>/g, '】')
      .replace(/<[^>]*>/g, ''),
  )
}
