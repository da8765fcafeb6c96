// Bytes of an export → text, with the encoding named. Norwegian record systems
// and Excel still write Windows-1252; read as UTF-8, "Ålgård" would silently
// become "�lg�rd". The platform's TextDecoder does each decoding; this only
// decides which one.

/** The encodings an export is read in. */
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252"

export interface Decoded {
  readonly text: string
  readonly encoding: Encoding
}

// UTF-16 without a byte-order mark: ASCII text then has a zero in every other byte.
const utf16Without = (bytes: Uint8Array): Encoding | undefined => {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const half = n / 2
  if (oddZeros > half * 0.4 && evenZeros < half * 0.05) return "utf-16le"
  if (evenZeros > half * 0.4 && oddZeros < half * 0.05) return "utf-16be"
  return undefined
}

/** Decodes an export: UTF-8 (with or without BOM), UTF-16 (with BOM or plainly so), else Windows-1252. */
export const decode = (bytes: Uint8Array): Decoded => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: "utf-8" }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" }
  const wide = utf16Without(bytes)
  if (wide !== undefined) return { text: new TextDecoder(wide).decode(bytes), encoding: wide }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    // Not UTF-8. Every byte sequence is valid Windows-1252 (a superset of Latin-1
    // for text), the encoding Norwegian Windows exports use.
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" }
  }
}
