import { pinyin } from 'pinyin-pro'

/**
 * Official romanisations that differ from plain pinyin, so homophone provinces get different slugs: 陕西 (Shaanxi)
 * and 山西 (Shanxi) are both `shanxi` in toneless pinyin.
 */
const spellings: ReadonlyArray<readonly [prefix: string, spelling: string]> = [['陕西', 'shaanxi']]

/**
 * Turn a region name into an ASCII slug with toneless pinyin (Eleventy's slugify drops Chinese).
 * @example slugifyRegion('天津市') // 'tianjinshi'
 * @example slugifyRegion('陕西省') // 'shaanxisheng'
 */
export function slugifyRegion(name: string): string {
  const spelled = spellings.find(([prefix]) => name.startsWith(prefix))
  const rest = spelled ? name.slice(spelled[0].length) : name
  const syllables = pinyin(rest, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  const slug = `${spelled?.[1] ?? ''}${syllables.join('')}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug) return slug
  // No Latin or Chinese at all: fall back to code points so the slug stays stable and unique.
  return `r-${[...name].map((char) => char.codePointAt(0)?.toString(16) ?? '').join('-')}`
}
