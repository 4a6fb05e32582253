import { createHash } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { writeAtomically } from '../files/write-atomically.ts'
import { fileURLToPath } from 'node:url'
import type { FileParts } from '../open-data/index.ts'
import type { PageDigest } from '../site/index.ts'

/**
 * What a finished build wrote, for the next build to redo only what changed. Kept outside the site (the site stays
 * byte-identical to a clean build) and removed when a build starts, so a build that stops half-way leaves none.
 */
export interface BuildState {
  /** Digest of the code, templates, pinned packages and build options the site was made with. */
  code: string
  /** Paginated pages by URL: template and digest (`digestPages`). */
  pages: Record<string, PageDigest>
  /** Pages without pagination by template file: digest (`digestSingletons`); absent in a state of older code. */
  singletons?: Record<string, string>
  /** Each report's digest and its files under `data/reports/`. */
  reports: Record<string, { digest: string; files: string[] }>
  /** Search bundles by name: a digest of their place in the plan and their records; null when the build wrote no index. */
  bundles: Record<string, string> | null
  /** Where each report's part of the open-data tables lies, by file (`writeOpenData`); absent in a state of older code. */
  data?: Record<string, FileParts>
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The state file of an output folder: one per folder, under `stateDir`. */
export function stateFileOf(stateDir: string, outDir: string): string {
  return path.join(stateDir, `${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)}.json`)
}

/** The state the last build of this folder left, or null when there is none or it cannot be read. */
export async function readBuildState(file: string): Promise<BuildState | null> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as BuildState
    return typeof state.code === 'string' && state.pages && state.reports ? state : null
  } catch {
    return null
  }
}

/** Write the state atomically (temporary file, then rename). */
export async function writeBuildState(file: string, state: BuildState): Promise<void> {
  await writeAtomically(file, JSON.stringify(state))
}

/** Forget the last build's state (a build has started: until it ends, the folder is not what the state says). */
export async function clearBuildState(file: string): Promise<void> {
  await rm(file, { force: true })
}

/**
 * Digest of everything besides the reports that decides the site's bytes: the sources under `src/` and
 * `templates/`, the Eleventy config, the locked package versions, and the options given.
 */
export async function digestBuildCode(options: unknown): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(options))
  const files = ['.eleventy.ts', 'package-lock.json']
  for (const folder of ['src', 'templates']) {
    const entries = await readdir(path.join(projectRoot, folder), { recursive: true, withFileTypes: true })
    for (const entry of entries) if (entry.isFile()) files.push(path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  }
  for (const file of files.sort()) {
    const bytes = await readFile(path.join(projectRoot, file)).catch(() => null)
    hash.update(`${file}\0${bytes?.length ?? -1}\0`)
    if (bytes) hash.update(bytes)
  }
  return hash.digest('hex').slice(0, 20)
}
