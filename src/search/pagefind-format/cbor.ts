/** The few CBOR shapes Pagefind writes (minicbor, definite lengths, shortest integers). */
export type Cbor = number | bigint | string | Uint8Array | Cbor[] | CborMap | CborRaw
/** A CBOR map, kept as entries so order survives a round trip. */
export interface CborMap {
  map: [Cbor, Cbor][]
}
/** Any other item (negative integers, floats, simple values), kept as its exact bytes. */
export interface CborRaw {
  raw: Uint8Array
}

/** Decode one CBOR item from the start of `bytes`. */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const [value, end] = read(bytes, 0)
  if (end !== bytes.length) throw new Error(`CBOR has ${bytes.length - end} trailing bytes`)
  return value
}

/** Encode an item in the shortest form, as Pagefind does, so unchanged data keeps its bytes. */
export function encodeCbor(value: Cbor): Uint8Array {
  const parts: Uint8Array[] = []
  write(value, parts)
  return Buffer.concat(parts)
}

function read(bytes: Uint8Array, at: number): [Cbor, number] {
  const first = bytes[at]
  if (first === undefined) throw new Error('CBOR ends early')
  const major = first >> 5
  const [length, start] = readLength(bytes, at)
  switch (major) {
    case 0:
      return [length, start]
    case 2:
      return [bytes.slice(start, start + Number(length)), start + Number(length)]
    case 3:
      return [Buffer.from(bytes.subarray(start, start + Number(length))).toString('utf8'), start + Number(length)]
    case 4: {
      const items: Cbor[] = []
      let next = start
      for (let i = 0; i < Number(length); i++) {
        const [item, end] = read(bytes, next)
        items.push(item)
        next = end
      }
      return [items, next]
    }
    case 5: {
      const map: [Cbor, Cbor][] = []
      let next = start
      for (let i = 0; i < Number(length); i++) {
        const [key, afterKey] = read(bytes, next)
        const [item, end] = read(bytes, afterKey)
        map.push([key, item])
        next = end
      }
      return [{ map }, next]
    }
    case 1:
    case 7: {
      // Negative integers and simple values carry no nested data: keep the bytes.
      const end = major === 7 && (first & 0x1f) >= 25 ? at + 1 + 2 ** ((first & 0x1f) - 24) : start
      return [{ raw: bytes.slice(at, end) }, end]
    }
    default:
      throw new Error(`CBOR major type ${major} (tags) is not used by Pagefind`)
  }
}

function readLength(bytes: Uint8Array, at: number): [number | bigint, number] {
  const info = (bytes[at] ?? 0) & 0x1f
  if (info < 24) return [info, at + 1]
  const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1)
  if (info === 24) return [view.getUint8(0), at + 2]
  if (info === 25) return [view.getUint16(0), at + 3]
  if (info === 26) return [view.getUint32(0), at + 5]
  if (info === 27) return [view.getBigUint64(0), at + 9]
  throw new Error(`CBOR indefinite lengths are not used by Pagefind (byte ${at})`)
}

function write(value: Cbor, parts: Uint8Array[]): void {
  if (typeof value === 'number' || typeof value === 'bigint') return void parts.push(head(0, value))
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8')
    parts.push(head(3, text.length), text)
  } else if (value instanceof Uint8Array) {
    parts.push(head(2, value.length), value)
  } else if (Array.isArray(value)) {
    parts.push(head(4, value.length))
    for (const item of value) write(item, parts)
  } else if ('map' in value) {
    parts.push(head(5, value.map.length))
    for (const [key, item] of value.map) {
      write(key, parts)
      write(item, parts)
    }
  } else {
    parts.push(value.raw)
  }
}

function head(major: number, length: number | bigint): Uint8Array {
  const n = BigInt(length)
  const type = major << 5
  if (n < 24n) return Uint8Array.of(type | Number(n))
  if (n < 0x100n) return Uint8Array.of(type | 24, Number(n))
  const size = n < 0x10000n ? 2 : n < 0x100000000n ? 4 : 8
  const out = new Uint8Array(1 + size)
  const view = new DataView(out.buffer)
  out[0] = type | (size === 2 ? 25 : size === 4 ? 26 : 27)
  if (size === 2) view.setUint16(1, Number(n))
  else if (size === 4) view.setUint32(1, Number(n))
  else view.setBigUint64(1, n)
  return out
}
