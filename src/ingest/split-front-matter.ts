/**
 * Split Markdown into YAML front matter (between a first-line `---` and the next `---` or `...` line) and the body;
 * `yaml` is null when the text has no closed front matter. Expects LF line endings.
 *
 * @example
 *   splitFrontMatter('---\nyear: 2023\n---\n# 报告') // → { yaml: 'year: 2023', body: '# 报告' }
 */
export function splitFrontMatter(text: string): { yaml: string | null; body: string } {
  const opening = /^---[ \t]*\n/.exec(text)
  if (!opening) return { yaml: null, body: text }
  const closing = /^(?:---|\.\.\.)[ \t]*$/m
  const rest = text.slice(opening[0].length)
  // An immediately closed block (`---\n---`) is empty front matter.
  const match = closing.exec(rest)
  if (!match) return { yaml: null, body: text }
  const yaml = rest.slice(0, match.index).replace(/\n$/, '')
  const body = rest.slice(match.index + match[0].length).replace(/^\n/, '')
  return { yaml, body }
}
