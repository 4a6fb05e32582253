import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, projectRoot } from '../site/build-temp-site.ts'

function runBuild(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/build.ts'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
}

describe('npm run build', () => {
  it('prints one summary line, exits 0 without --strict and 1 with it when a report has warnings', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'site-cli-'))
    // tianjin-zwfwb has damaged heading numbers, so the parser warns.
    await cp(path.join(projectRoot, 'reports/2022/tianjin-zwfwb.txt'), path.join(work, 'reports/2022/tianjin-zwfwb.txt'))
    await cp(path.join(fixtures, 'broken'), path.join(work, 'reports'), { recursive: true })
    const out = path.join(work, 'out')
    const relaxed = runBuild(['--reports', path.join(work, 'reports'), '--out', out, '--path-prefix', '/archive/'])
    expect(relaxed.status).toBe(0)
    expect(relaxed.stdout).toMatch(/^已构建 1 篇报告（\d+ 条提示，1 个错误），用时 [\d.]+ 秒 → .+\/out\/\n$/)
    expect(relaxed.stderr).toContain('2022/empty.txt')
    const quality = await readFile(path.join(out, 'quality/index.html'), 'utf8')
    expect(quality).toContain('2022/empty.txt')
    const report = await readFile(path.join(out, 'reports/2022/tianjin-zwfwb/index.html'), 'utf8')
    expect(report).toContain('href="/archive/assets/site.css"')
    expect(report).toContain('action="/archive/search/"')
    expect(report).not.toContain('/archive/archive/')
    const strict = runBuild(['--strict', '--reports', path.join(work, 'reports'), '--out', out])
    expect(strict.status).toBe(1)
    expect(strict.stdout).toMatch(/严格模式：构建失败，\d+ 条解析存疑（.*\[damaged-heading-number\] ×5.*\[empty\] ×1.*）/)
    const strictEnv = runBuild(['--reports', path.join(work, 'reports'), '--out', out], { STRICT: '1' })
    expect(strictEnv.status).toBe(1)
  })

  it('builds from the last build of the folder, and from nothing with --clean', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'site-cli-'))
    await cp(path.join(projectRoot, 'reports/2022/tianjin-zwfwb.txt'), path.join(work, 'reports/2022/tianjin-zwfwb.txt'))
    const args = ['--reports', path.join(work, 'reports'), '--out', path.join(work, 'out')]
    expect(runBuild(args).stdout).not.toContain('增量')
    const again = runBuild(args)
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('（增量：重新生成 0 个页面，删除 0 个，重建 0 个索引分片）')
    expect(runBuild([...args, '--clean']).stdout).not.toContain('增量')
  }, 240_000)

  it('rejects an unknown option with exit code 2', () => {
    const result = runBuild(['--bogus'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('未知选项 --bogus')
    expect(result.stderr).toMatch(/\[bad-option\]\n?$/)
  })

  it('refuses to empty an output folder that looks like a project, or is not a folder, in Chinese', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'site-cli-'))
    await mkdir(path.join(work, 'reports'))
    await mkdir(path.join(work, 'project'))
    await writeFile(path.join(work, 'project', 'package.json'), '{}')
    await writeFile(path.join(work, 'file'), '')
    const project = runBuild(['--clean', '--reports', path.join(work, 'reports'), '--out', path.join(work, 'project')])
    expect(project.status).not.toBe(0)
    expect(project.stderr).toContain(`${path.join(work, 'project')} 看起来是项目文件夹（有 package.json、.git 或 src），不是构建出的网站，拒绝清空；请用 --out 指定另一个输出文件夹 [bad-output-folder]`)
    expect(await readFile(path.join(work, 'project', 'package.json'), 'utf8')).toBe('{}')
    const file = runBuild(['--clean', '--reports', path.join(work, 'reports'), '--out', path.join(work, 'file')])
    expect(file.status).not.toBe(0)
    expect(file.stderr).toContain(`${path.join(work, 'file')} 不是文件夹，无法作为输出文件夹；请用 --out 指定一个文件夹 [bad-output-folder]`)
    // A refusal the build describes is one Chinese line, not a Node stack trace.
    for (const result of [project, file]) {
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/^构建中止：/m)
      expect(result.stderr).not.toMatch(/^\s+at /m)
    }
  })

  it('passes --strict on a corpus whose only findings are missing statutory parts, and shows them', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'site-cli-'))
    await cp(path.join(fixtures, 'missing-part'), path.join(work, 'reports'), { recursive: true })
    const out = path.join(work, 'out')
    const result = runBuild(['--strict', '--reports', path.join(work, 'reports'), '--out', out])
    expect(result.stderr).toMatch(/^2023\/shaanxi-sft\.txt 未找到“第一责任人职责”部分.+ \[missing-leadership\]$/m)
    expect(result.stdout).toMatch(/严格模式通过\n$/)
    expect(result.status).toBe(0)
    const quality = await readFile(path.join(out, 'quality/index.html'), 'utf8')
    expect(quality).toContain('[missing-leadership]')
    // The build recorded the reports' permalinks in the (temporary) reports folder, for the maintainer to commit.
    expect(result.stderr).toContain('永久链接登记表已更新')
    expect(JSON.parse(await readFile(path.join(work, 'reports/permalinks.json'), 'utf8')).reports).toHaveLength(2)
  }, 240_000)
})
