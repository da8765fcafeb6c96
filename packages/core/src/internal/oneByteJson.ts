// JSON bytes as a one-byte string for JSON.parse. V8 parses a one-byte
// (Latin-1) string faster than a two-byte one and keeps its texts one-byte,
// but a single character past U+00FF (an en dash, say) makes the whole
// decoded file two-byte. Here each run of non-ASCII bytes is decoded on its
// own and written as \uXXXX escapes instead, and the ASCII runs between
// stay one-byte.
//
// JSON.parse gives the same value for this string as for the decoded text,
// or fails on both:
// - UTF-8 decoding starts afresh at every ASCII byte, so decoding each run
//   apart gives the code units decoding the whole gives (U+FFFD for
//   invalid bytes included);
// - JSON allows a raw non-ASCII character only inside a string, where its
//   escape means the same code unit; anywhere else both are errors;
// - the exception is a run right after an escaping backslash ("\é" is an
//   error, "\\u00e9" is not), so an odd number of backslashes before a run
//   gives undefined and the caller decodes the whole text instead.

// As readRegular decodes a file: a leading byte order mark stays.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true })

const hexDigits = "0123456789abcdef"

// A text's UTF-16 code units as JSON escapes.
const escaped = (text: string): string => {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out += `\\u${hexDigits[c >>> 12]}${hexDigits[(c >>> 8) & 15]}${hexDigits[(c >>> 4) & 15]}${hexDigits[c & 15]}`
  }
  return out
}

// The first byte at or after `from` that is not ASCII, or bytes.length. Four
// bytes at a time where the bytes are aligned: most of a file is ASCII.
const nextNonAscii = (bytes: Uint8Array, from: number): number => {
  const n = bytes.length
  let i = from
  while (i < n && ((bytes.byteOffset + i) & 3) !== 0) {
    if (bytes[i]! >= 0x80) return i
    i++
  }
  if (i >= n) return n
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2)
  let w = 0
  while (w < words.length && (words[w]! & 0x80808080) === 0) w++
  i += w * 4
  while (i < n && bytes[i]! < 0x80) i++
  return i
}

/** Whether the byte at `i` follows an escaping backslash: an odd run of them. */
export const afterEscape = (bytes: Uint8Array, i: number): boolean => {
  let backslashes = 0
  while (i - backslashes - 1 >= 0 && bytes[i - backslashes - 1] === 0x5c) backslashes++
  return backslashes % 2 === 1
}

/** The bytes as a one-byte string JSON.parse reads as their UTF-8 text, or undefined where it cannot be written so. */
export const oneByteJson = (bytes: Uint8Array): string | undefined => {
  const parts: Array<string> = []
  let from = 0
  for (;;) {
    const start = nextNonAscii(bytes, from)
    if (start >= bytes.length) break
    let end = start
    while (end < bytes.length && bytes[end]! >= 0x80) end++
    if (afterEscape(bytes, start)) return undefined
    parts.push(utf8.decode(bytes.subarray(from, start)), escaped(utf8.decode(bytes.subarray(start, end))))
    from = end
  }
  parts.push(utf8.decode(bytes.subarray(from)))
  return parts.join("")
}

/** The bytes' UTF-8 text, as readRegular decodes a file (a leading byte order mark stays). */
export const utf8Text = (bytes: Uint8Array): string => utf8.decode(bytes)
