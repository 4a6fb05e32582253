/**
 * Say whether bytes are UTF-16 and in which byte order: by BOM, else by where the NUL bytes fall.
 *
 * ASCII characters in UTF-16 have a NUL high byte, so little-endian text has NULs at odd offsets and big-endian at
 * even ones. Only the first 8 KiB are looked at, so this is constant time.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const length = Math.min(bytes.length, 8192) & ~1
  if (length < 4) return null
  let evenNuls = 0
  let oddNuls = 0
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++
    if (bytes[index + 1] === 0) oddNuls++
  }
  const pairs = length / 2
  // Chinese prose has few ASCII characters (digits, newlines), so a few NULs on one side suffice; the other side sees
  // NULs only from characters such as 一 (U+4E00).
  const minimum = Math.max(2, pairs * 0.02)
  if (oddNuls >= minimum && evenNuls <= oddNuls / 2) return 'utf-16le'
  if (evenNuls >= minimum && oddNuls <= evenNuls / 2) return 'utf-16be'
  return null
}
