type Cell = string | number | null

/**
 * Write rows as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a quote, comma or line break),
 * prefixed with a byte-order mark so Excel reads it as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvHead(header) + csvLines(rows)
}

/** The byte-order mark and the header line of a CSV file (`toCsv`). */
export function csvHead(header: readonly string[]): string {
  return `\uFEFF${csvLines([header])}`
}

/** Rows as CSV lines, each ending in CR LF (`toCsv`): a file's rows can be made in parts. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  let text = ''
  for (const row of rows) text += `${row.map(quoteField).join(',')}\r\n`
  return text
}

function quoteField(value: Cell): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
