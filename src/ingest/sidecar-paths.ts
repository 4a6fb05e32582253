import path from 'node:path'

/** Endings of a sidecar, in the order they are read: `NAME.meta.yml` wins over `NAME.meta.yaml`. */
export const sidecarEndings = ['.meta.yml', '.meta.yaml'] as const

/** Files that look like metadata; those that are not a report's sidecar are reported, never silently ignored. */
const metadataPattern = /\.(?:ya?ml|json|toml)$/i

/**
 * Where a report's sidecar may sit, in the order they are read: `NAME.meta.yml`, then `NAME.meta.yaml`, where NAME is
 * the report's file name without its last extension. The one rule for reading, caching and listing.
 * @example sidecarPathsOf('reports/2024/gd.txt') // ['reports/2024/gd.meta.yml', 'reports/2024/gd.meta.yaml']
 */
export function sidecarPathsOf(file: string): string[] {
  const stem = file.slice(0, file.length - path.extname(file).length)
  return sidecarEndings.map((ending) => `${stem}${ending}`)
}

/** Whether a file name looks like metadata (`.yml`, `.yaml`, `.json`, `.toml`). */
export function looksLikeMetadata(name: string): boolean {
  return metadataPattern.test(name)
}
