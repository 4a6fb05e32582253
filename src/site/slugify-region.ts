import { pinyin } from 'pinyin-pro'

/**
 * Turn a region name into an ASCII slug with toneless pinyin (Eleventy's slugify drops Chinese).
 * @example slugifyRegion('天津市') // 'tianjinshi'
 */
export function slugifyRegion(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  const slug = syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug) return slug
  // No Latin or Chinese at all: fall back to code points so the slug stays stable and unique.
  return `r-${[...name].map((char) => char.codePointAt(0)?.toString(16) ?? '').join('-')}`
}
