/**
 * The sub-path a site is served under, as every stage writes it: `/` or `/archive/` (one leading and one trailing
 * slash, whatever the user typed).
 * @example normalisePrefix('archive') // '/archive/'
 */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}
