import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { escapeHtml } from '../../src/site/nunjucks-patch/escape-html.ts'
import { readMembersOnce } from '../../src/site/nunjucks-patch/read-members-once.ts'
import { reuseNunjucksCompiles } from '../../src/site/nunjucks-patch/reuse-nunjucks-compiles.ts'

interface Nunjucks {
  Environment: new (loaders?: unknown, options?: { autoescape?: boolean }) => object
  Template: new (source: string, env: object, path: string) => { render(data: object): string }
  compiler: { compile(...args: unknown[]): string }
}
const nunjucks = createRequire(import.meta.url)('nunjucks') as Nunjucks

afterEach(() => {
  vi.restoreAllMocks()
})

describe('reuseNunjucksCompiles', () => {
  it('compiles a source once per environment and renders each page with its own data', () => {
    reuseNunjucksCompiles()
    reuseNunjucksCompiles()
    const compile = vi.spyOn(nunjucks.compiler, 'compile')
    const env = new nunjucks.Environment()
    const source = '<h1>{{ title }}</h1>{% if n > 1 %}多{% endif %}'
    const pages = [1, 2, 3].map((n) => new nunjucks.Template(source, env, 'report.njk').render({ title: `报告${n}`, n }))
    expect(pages).toEqual(['<h1>报告1</h1>', '<h1>报告2</h1>多', '<h1>报告3</h1>多'])
    expect(compile).toHaveBeenCalledTimes(1)
    new nunjucks.Template('{{ title }}!', env, 'report.njk').render({ title: 'x' })
    new nunjucks.Template(source, new nunjucks.Environment(), 'report.njk').render({ title: 'y', n: 0 })
    expect(compile).toHaveBeenCalledTimes(3)
  })
})

describe('readMembersOnce', () => {
  // The page data composes sections and side-by-side entries in getters, on each read: Nunjucks' own lookup read
  // them twice per use, so every report page rendered its sections twice.
  it('runs a getter once per use in a template, and still calls methods on their object', () => {
    readMembersOnce()
    readMembersOnce()
    let reads = 0
    const view = {
      name: '甲',
      get items(): string[] {
        reads++
        return ['一', '二']
      },
      label(this: { name: string }, suffix: string): string {
        return `${this.name}${suffix}`
      },
    }
    const env = new nunjucks.Environment(undefined, { autoescape: true })
    const rendered = new nunjucks.Template('{% for item in view.items %}{{ item }}{% endfor %}|{{ view.label("乙") }}|{{ view.missing }}|{{ none.x }}', env, 'members.njk').render({ view, none: null })
    expect(rendered).toBe('一二|甲乙||')
    expect(reads).toBe(1)
  })
})

describe('escapeHtml', () => {
  // The side-by-side and diff views write report text escaped in TypeScript: it must be byte for byte what the
  // templates' autoescape would write, or pages would differ by where their text was escaped.
  it('writes what Nunjucks autoescape writes for every character it escapes, and leaves Chinese as it is', () => {
    const text = `甲&乙<丙>丁"戊'己\\庚 ＆《辛》`
    const env = new nunjucks.Environment(undefined, { autoescape: true })
    const rendered = new nunjucks.Template('{{ text }}', env, 'escape.njk').render({ text })
    expect(rendered).not.toBe(text)
    expect(escapeHtml(text)).toBe(rendered)
    expect(escapeHtml('法治政府建设')).toBe('法治政府建设')
  })
})
