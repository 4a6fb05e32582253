import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildSite, type BuildOptions, type BuildSummary } from '../../src/build/index.ts'
import { projectRoot } from '../run-script.ts'

export { projectRoot }

/** The site fixtures. */
export const fixtures = path.join(projectRoot, 'test/fixtures/site')

/** A site built into a temporary folder. */
export interface TempSite {
  reportsDir: string
  outDir: string
  summary: BuildSummary
}

/**
 * Copy the bundled `reports/` plus the named fixture folders (under test/fixtures/site) into a temporary
 * reports folder and build the real site from it.
 */
export async function buildTempSite(extra: string[] = [], options: Omit<BuildOptions, 'reportsDir' | 'outDir'> = {}): Promise<TempSite> {
  const work = await mkdtemp(path.join(tmpdir(), 'site-test-'))
  const reportsDir = path.join(work, 'reports')
  await cp(path.join(projectRoot, 'reports'), reportsDir, { recursive: true })
  for (const name of extra) await cp(path.join(fixtures, name), reportsDir, { recursive: true })
  const outDir = path.join(work, '_site')
  const summary = await buildSite({ ...options, reportsDir, outDir })
  return { reportsDir, outDir, summary }
}

/** Every file below `dir`, as sorted posix paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Path → SHA-256 of every file below `dir`. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'))
  }
  return hashes
}

/** Read one built page. */
export function readPage(outDir: string, url: string): Promise<string> {
  return readFile(path.join(outDir, url, url.endsWith('/') ? 'index.html' : ''), 'utf8')
}

/** Every `id` attribute in an HTML string. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? '')
}
