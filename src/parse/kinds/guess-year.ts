const yearPattern = /((?:19|20)\d{2})\s*年/

/** The year a report is about, guessed from its title or else its first paragraphs, for classifying `2024年工作安排`. */
export function guessYear(title: string | null, paragraphs: readonly string[]): number | null {
  for (const text of [title ?? '', ...paragraphs.slice(0, 2)]) {
    const match = yearPattern.exec(text)
    if (match?.[1] !== undefined) return Number(match[1])
  }
  return null
}
