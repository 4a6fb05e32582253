import type { Element, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

/** A link to a document attached to a page. */
export interface Attachment {
  /** Absolute address of the file. */
  url: string
  /** The link's text, e.g. `附件：2023年法治政府建设情况报告.pdf`. */
  text: string
}

/** Extensions of documents a report may be attached as. */
const documentPattern = /\.(?:pdf|docx|doc|wps)$/i

/** Link text that names the statutory report. */
const reportWords = /法治|报告|年度/

/**
 * The document attachments of an HTML page on the same site as `pageUrl` (`附件：….pdf/.docx/.doc/.wps`), those
 * whose link text or file name speaks of the report first, then in page order; links elsewhere are never followed.
 */
export function findAttachments(html: string, pageUrl: string): Attachment[] {
  const tree = unified().use(rehypeParse).parse(html) as Root
  const base = baseOf(tree, pageUrl)
  const found: Attachment[] = []
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return
    const href = typeof node.properties['href'] === 'string' ? node.properties['href'].trim() : ''
    if (href === '' || /^(?:javascript|mailto):/i.test(href)) return
    let url: URL
    try {
      url = new URL(href, base)
    } catch {
      return
    }
    const text = toText(node).replace(/\s+/g, ' ').trim()
    if (!documentPattern.test(url.pathname) && !documentPattern.test(text)) return
    if (!sameSite(url, new URL(pageUrl)) || found.some((attachment) => attachment.url === url.href)) return
    found.push({ url: url.href, text })
  })
  const speaks = (attachment: Attachment) => reportWords.test(attachment.text) || reportWords.test(decodeURIComponent(attachment.url))
  return [...found.filter(speaks), ...found.filter((attachment) => !speaks(attachment))]
}

/** The page's `<base href>` resolved against its URL, else the URL itself. */
function baseOf(tree: Root, pageUrl: string): string {
  let base = pageUrl
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'base' && typeof node.properties['href'] === 'string') {
      try {
        base = new URL(node.properties['href'], pageUrl).href
      } catch {
        // A broken <base> is ignored, as browsers do.
      }
    }
  })
  return base
}

/**
 * Whether two URLs belong to the same site: the same registrable domain, taking `gov.cn`, `com.cn`, `org.cn`,
 * `edu.cn` and `net.cn` as public suffixes (`sfj.gz.gov.cn` and `www.gz.gov.cn` are one site; `gz.gov.cn` and
 * `sz.gov.cn` are not). An IP address or `localhost` must match exactly.
 */
export function sameSite(a: URL, b: URL): boolean {
  return siteOf(a.hostname) === siteOf(b.hostname)
}

function siteOf(hostname: string): string {
  if (/^[\d.]+$|^\[|^localhost$/.test(hostname)) return hostname
  const labels = hostname.toLowerCase().split('.')
  const suffix = labels.slice(-2).join('.')
  const keep = /^(?:gov|com|org|edu|net|ac)\.cn$/.test(suffix) ? 3 : 2
  return labels.slice(-keep).join('.')
}
