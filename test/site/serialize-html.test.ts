import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { loadReports } from '../../src/build/index.ts'
import { sectionTree } from '../../src/site/render-section.ts'
import { serializeHtml } from '../../src/site/serialize-html.ts'
import type { Section } from '../../src/types.ts'

// The reference: what renderSection wrote before, rehype-stringify as the section renderer configured it.
const reference = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } })
const stringify = (tree: Root): string => reference.stringify(tree)

const hostile = [
  '<script>alert("x")</script> & &amp; &#x26; \'单引号\' "双引号" `反引号` > <',
  '控制字符\u0000\u0001\u0008\u000b\u001f\u007f\u0085 不换行\u00a0全角空格\u3000零宽\u200b\u2028\u2029',
  '增补汉字𠀀𪚥 表情😀 孤立代理\ud800 \udc00 私用区\ue000 替换符\ufffd',
  'javascript:alert(1) data:text/html,<b> http://例子.中国/?a=1&b=2#"x"',
]

function sectionOf(paragraphs: string[], heading = '一、主要举措和成效'): Section {
  return { anchor: 'achievements', kind: 'achievements', number: null, heading, paragraphs, children: [] } as unknown as Section
}

/** The shapes a section's citation panel has (compose-report-view.ts): a hidden button, data attributes, a number. */
function citationLike(text: string, href: string) {
  return h('details.citation', { dataPagefindIgnore: '' }, [
    h('summary', '引用本部分'),
    h('dl', [
      h('dt', ['GB/T 7714-2015 ', h('button.copy-cite', { type: 'button', hidden: true }, '复制')]),
      h('dd', h('code', { dataCite: '', dataCiteAt: String(text.length), dataCiteAccess: `[${text}]` }, text)),
    ]),
    h('p.permalink', ['本站永久链接：', h('a', { href }, href)]),
  ])
}

describe('serializeHtml', () => {
  it('writes what rehype-stringify writes for every section of the bundled reports, with and without anchors, notes and citations', async () => {
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../reports')
    const { reports } = await loadReports(root, { cacheDir: null, workers: 0 })
    expect(reports.length).toBeGreaterThanOrEqual(4)
    let compared = 0
    for (const report of reports) {
      for (const section of report.sections) {
        const anchor = `${section.anchor}-p1`
        const notes = new Map([[anchor, { href: `/reuse/${report.id}/#"x"&y`, text: '与 3 篇报告高度相似' }]])
        const append = [citationLike(`${report.title ?? ''} <引用> & "文"`, `/reports/${report.id}/#${section.anchor}`)]
        for (const options of [{ depth: 2, anchors: true, notes, append }, { depth: 3, anchors: false }]) {
          const tree = sectionTree(section, options)
          expect(serializeHtml(tree)).toBe(stringify(tree))
          compared += 1
        }
      }
    }
    expect(compared).toBeGreaterThan(20)
  })

  it('escapes hostile text in paragraphs, headings, notes and attributes exactly as rehype-stringify does', () => {
    for (const text of hostile) {
      const section = sectionOf([text, `${text}${text}`], text)
      const notes = new Map([['achievements-p1', { href: `https://example.org/?q=${text}`, text }]])
      const tree = sectionTree(section, { depth: 2, anchors: true, notes })
      const html = serializeHtml(tree)
      expect(html).toBe(stringify(tree))
      // Outside attribute values (where `<` is inert) no tag comes from the text.
      expect(html.replace(/="[^"]*"/g, '')).not.toContain('<script')
    }
  })

  it('writes boolean, empty, list and numeric attributes as rehype-stringify does', () => {
    const tree: Root = { type: 'root', children: [h('div', { className: ['a', 'b'], hidden: true, dataPagefindIgnore: '', ariaHidden: 'true', dataCiteAt: 3, id: `"'&<>` }, [h('button', { type: 'button', hidden: false }, 'x')])] }
    expect(serializeHtml(tree)).toBe(stringify(tree))
  })

  it('refuses a node the sanitiser never leaves, rather than writing it unescaped', () => {
    expect(() => serializeHtml({ type: 'root', children: [{ type: 'raw', value: '<b>' } as never] })).toThrow(/raw/)
    expect(() => serializeHtml(h('img', { src: 'x' }))).toThrow(/img/)
  })
})
