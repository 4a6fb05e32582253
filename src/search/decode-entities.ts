/** Named entities our templates and Pagefind write; numeric ones are decoded by number. */
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * Decode the character references in text from our own HTML (templates, excerpts): the named few, and numeric
 * ones; anything else is left as written.
 * @example decodeEntities('a&amp;b &lt;条例&gt; &#39;') // "a&b <条例> '"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return entities[name.toLowerCase()] ?? whole
  })
}
