import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { reuseNunjucksCompiles } from '../../src/site/nunjucks-patch/reuse-nunjucks-compiles.ts'

interface Nunjucks {
  Environment: new () => object
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
