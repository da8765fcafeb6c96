// JSON bytes as a one-byte string: JSON.parse must give for it what it gives
// for the bytes' UTF-8 text, or fail on both. Held on random JSON with any
// characters, on random bytes, and on the cases the reasoning in the source
// turns on: an escaping backslash before a non-ASCII run, invalid and cut-off
// sequences, a byte order mark, non-ASCII outside strings.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { oneByteJson, utf8Text } from "../../src/internal/oneByteJson.js"

const parsed = (text: string | undefined): { ok: true; value: unknown } | { ok: false } => {
  if (text === undefined) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

// A one-byte string holds no character past U+00FF; here, none past ASCII.
const isAscii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80)

const agrees = (bytes: Uint8Array): void => {
  const text = utf8Text(bytes)
  const fast = oneByteJson(bytes)
  if (fast === undefined) return
  expect(isAscii(fast)).toBe(true)
  const a = parsed(fast)
  const b = parsed(text)
  expect(a.ok).toBe(b.ok)
  if (a.ok && b.ok) expect(a.value).toEqual(b.value)
}

const encode = (s: string) => new TextEncoder().encode(s)
const bytes = (...parts: Array<string | ReadonlyArray<number>>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...encode(p)] : [...p])))

describe("oneByteJson", () => {
  it("gives JSON.parse the text's value for any JSON, written compact or pretty (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: "binary" }), fc.boolean(), (v, pretty) => {
        agrees(encode(JSON.stringify(v, null, pretty ? 2 : 0)))
      }),
      { numRuns: 200 },
    )
  })

  it("gives the same value or the same failure for random bytes around JSON tokens (property)", () => {
    const piece = fc.oneof(
      fc.constantFrom('"', "\\", "\\\\", "{", "}", "[", "]", ":", ",", " ", "1", "a", "\\u00", "null"),
      fc.string({ unit: "binary", maxLength: 3 }),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => Array.from(b, (x) => x | 0x80)),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => agrees(bytes(...pieces))),
      { numRuns: 2000 },
    )
  })

  it("decodes invalid, cut-off and overlong sequences as the whole text's decoding does", () => {
    for (const run of [
      [0xff],
      [0xc3],
      [0xe2, 0x80],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0x80, 0x80],
      [0xf0, 0x9f, 0x98, 0x80],
    ]) {
      for (const b of [bytes('"', run, '"'), bytes('["', run, 'a", "', run, '"]'), bytes('{"', run, '": 1}')]) {
        agrees(b)
        expect(parsed(oneByteJson(b)).ok).toBe(true)
      }
    }
  })

  it("gives up on a non-ASCII run after an escaping backslash, where the escape would change the meaning", () => {
    expect(oneByteJson(bytes('"\\é"'))).toBeUndefined()
    expect(oneByteJson(bytes('"\\\\\\é"'))).toBeUndefined()
    // An escaped backslash before it is no escape of it.
    expect(parsed(oneByteJson(bytes('"\\\\é"')))).toEqual({ ok: true, value: "\\é" })
  })

  it("fails where the text fails: non-ASCII outside a string, a byte order mark before the value", () => {
    for (const b of [bytes("[1, é]"), bytes("{é: 1}"), bytes([0xef, 0xbb, 0xbf], "{}"), bytes('"\\u00é1"')]) {
      expect(parsed(utf8Text(b)).ok).toBe(false)
      expect(parsed(oneByteJson(b)).ok).toBe(false)
    }
  })

  it("keeps an all-ASCII file as it is, and reads a view into a larger buffer at any alignment", () => {
    const text = '{"a": [1, "b"]}'
    expect(oneByteJson(encode(text))).toBe(text)
    const value = { navn: "Bjørg – æøå", n: [1, 2, 3, 4, 5, 6, 7, 8, 9] }
    for (let offset = 0; offset < 4; offset++) {
      const big = encode(`${"x".repeat(offset)}${JSON.stringify(value)}yy`)
      const view = big.subarray(offset, big.length - 2)
      expect(parsed(oneByteJson(view))).toEqual({ ok: true, value })
    }
  })
})
