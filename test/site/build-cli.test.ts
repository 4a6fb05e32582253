import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtures, projectRoot } from './build-temp-site.ts'

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
    expect(relaxed.stdout).toMatch(/^built 1 reports \(\d+ warnings, 1 errors\) in [\d.]+ s → .+\/out\/\n$/)
    expect(relaxed.stderr).toContain('2022/empty.txt')
    const quality = await readFile(path.join(out, 'quality/index.html'), 'utf8')
    expect(quality).toContain('2022/empty.txt')
    const report = await readFile(path.join(out, 'reports/2022/tianjin-zwfwb/index.html'), 'utf8')
    expect(report).toContain('href="/archive/assets/site.css"')
    expect(report).toContain('action="/archive/search/"')
    expect(report).not.toContain('/archive/archive/')
    const strict = runBuild(['--strict', '--reports', path.join(work, 'reports'), '--out', out])
    expect(strict.status).toBe(1)
    const strictEnv = runBuild(['--reports', path.join(work, 'reports'), '--out', out], { STRICT: '1' })
    expect(strictEnv.status).toBe(1)
  })

  it('rejects an unknown option with exit code 2', () => {
    const result = runBuild(['--bogus'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('unknown option --bogus')
  })
})
