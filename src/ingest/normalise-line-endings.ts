/**
 * Strip a leading BOM and turn CRLF and lone CR line endings into LF; every other character is kept as is.
 *
 * @example
 *   normaliseLineEndings('\uFEFF一、\r\n　正文\r') // → '一、\n　正文\n'
 */
export function normaliseLineEndings(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  return (start ? text.slice(start) : text).replace(/\r\n?/g, '\n')
}
