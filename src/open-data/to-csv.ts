/**
 * Write rows as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a quote, comma or line break),
 * prefixed with a byte-order mark so Excel reads it as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(quoteField).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

function quoteField(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
