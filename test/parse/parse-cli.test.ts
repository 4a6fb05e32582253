import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { projectRoot as cwd, runScript } from '../run-script.ts'

const run = (...args: string[]) => runScript('parse', args)

describe('npm run parse', () => {
  it('prints a schema-valid report and its warnings as file:line reason [ruleId]', async () => {
    const { code, stdout, stderr } = await run('reports/2022/tianjin-zwfwb.txt')
    expect(code).toBe(0)
    const schema = JSON.parse(await readFile(path.join(cwd, 'src/report.schema.json'), 'utf8')) as object
    const validate = new Ajv2020.default({ strict: false }).compile(schema)
    expect(validate(JSON.parse(stdout))).toBe(true)
    expect(stderr).toMatch(/^reports\/2022\/tianjin-zwfwb\.txt:16 .+ \[damaged-heading-number\]$/m)
  })

  it('exits 1 under --strict on parser doubt, 0 when the only finding is a missing part', async () => {
    const { code } = await run('reports/2022/tianjin-zwfwb.txt', '--strict')
    expect(code).toBe(1)
    const missing = await run('test/fixtures/site/missing-part/2023/shanxi-sft.txt', '--strict')
    expect(missing.stderr).toMatch(/^test\/fixtures\/site\/missing-part\/2023\/shanxi-sft\.txt 未找到“第一责任人职责”部分.+ \[missing-leadership\]$/m)
    expect(missing.code).toBe(0)
    const unknown = await run('test/fixtures/site/quality/2023/unknown-agency.txt', '--strict')
    expect(unknown.stderr).toMatch(/ \[unknown-agency\]$/m)
    expect(unknown.code).toBe(1)
  })

  it('exits 1 with exactly one line naming the file for unusable input', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'parse-cli-'))
    const file = path.join(folder, 'nav.txt')
    await writeFile(file, '当前位置：首页 > 政务公开\n【打印本页】【关闭窗口】\nhello\n')
    const { code, stdout, stderr } = await run(file)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toContain('nav.txt')
  })
})
