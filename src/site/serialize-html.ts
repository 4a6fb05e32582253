import type { Element, ElementContent, Properties, Root } from 'hast'

/**
 * Serialise a sanitised hast tree (`renderSection`'s) to HTML exactly as `rehype-stringify` does with
 * `characterReferences: { useNamedReferences: false }`, for the few shapes a sanitised section has: elements, text
 * and the attributes its schema allows. Text escapes `&` and `<`; attribute values NUL, `"`, `&`, `'` and backticks;
 * as hexadecimal references. `hast-util-to-html` was 60 % of rendering a section (it encodes through a general entity table);
 * test/site/serialize-html.test.ts requires the same bytes on every section of the bundled reports and on hostile text.
 * A node of another kind (a comment, raw HTML) is refused: the sanitiser never leaves one.
 */
export function serializeHtml(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value.replace(/[&<]/g, escapeCharacter)
  if (node.type === 'root') return node.children.map((child) => serializeHtml(child as ElementContent)).join('')
  if (node.type === 'element') return serializeElement(node)
  throw new Error(`serializeHtml: no ${node.type} node is expected in a sanitised section`)
}

function serializeElement(element: Element): string {
  if (voidElements.has(element.tagName)) throw new Error(`serializeHtml: <${element.tagName}> is not in the section schema`)
  return `<${element.tagName}${serializeProperties(element.properties)}>${element.children.map(serializeHtml).join('')}</${element.tagName}>`
}

function serializeProperties(properties: Properties): string {
  let out = ''
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue
    const attribute = attributeName(name)
    if (value === true) out += ` ${attribute}`
    else out += ` ${attribute}="${(Array.isArray(value) ? value.join(' ') : String(value)).replace(/[\0"&'`]/g, escapeCharacter)}"`
  }
  return out
}

/** HTML's name for a hast property: `className` → `class`, `ariaLabelledBy` → `aria-labelledby`, `dataCiteAt` → `data-cite-at`. */
function attributeName(property: string): string {
  if (property === 'className') return 'class'
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice(4).toLowerCase()}`
  if (/^data[A-Z]/.test(property)) return `data${property.slice(4).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
  if (/[A-Z]/.test(property)) throw new Error(`serializeHtml: no attribute name known for ${property}`)
  return property
}

function escapeCharacter(character: string): string {
  return `&#x${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()};`
}

/** Elements HTML writes without an end tag: none is in the section schema, so meeting one means the schema changed. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
