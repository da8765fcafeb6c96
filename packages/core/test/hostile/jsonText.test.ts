// JsonText.parse on crafted and arbitrary JSON: the depth check that now
// walks parsed values with for-in must see "__proto__" and "constructor"
// keys as plain data, refuse only what is nested past 512, and never let an
// identity number into its message. JsonText.parseUtf8 is held to parse on
// the same files as bytes.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { JsonText, Redact } from "../../src/index.js"

const nested = (depth: number, key: string, leaf: string) => `${`{"${key}":`.repeat(depth)}${leaf}${"}".repeat(depth)}`

describe("JsonText.parse, hostile", () => {
  it.each(["__proto__", "constructor", "prototype", "toString", "01019012345"])(
    "takes %s as a key at any depth up to 512 and refuses it at 513, prototypes untouched",
    (key) => {
      const ok = JsonText.parse(nested(512, key, '"01019012345"'))
      expect(ok.ok).toBe(true)
      const deep = JsonText.parse(nested(513, key, '"01019012345"'))
      expect(deep.ok).toBe(false)
      if (!deep.ok) {
        expect(deep.message.en).toBe("Nested deeper than 512 levels")
        expect(deep.line).toBe(1)
      }
      expect(Object.keys(Object.prototype)).toEqual([])
      expect(({} as Record<string, unknown>)[key === "__proto__" ? "polluted" : key]).not.toBe("01019012345")
    },
  )

  it("accepts a wide file whose values are shallow, and 513 lists with nothing in the last", () => {
    const wide = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ id: `r-${i}`, __proto__x: [i] })))
    expect(JsonText.parse(wide).ok).toBe(true)
    expect(JsonText.parse(`${"[".repeat(513)}${"]".repeat(513)}`).ok).toBe(true)
  })
})

// Any JSON value, nested up to a drawn depth, with hostile keys and identity numbers among its strings.
const key = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "01019012345"),
  fc.string({ maxLength: 6 }),
)
const leaf = fc.oneof(fc.constantFrom("01019012345", "010190 12345", null, true), fc.integer(), fc.string())
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(key, tie("v"), { maxKeys: 3 }),
  ),
})).v

// The deepest level (the root is 0) at which a list or object holds something, or -1.
const deepestHolding = (v: unknown, depth: number): number => {
  if (typeof v !== "object" || v === null) return -1
  const children = Array.isArray(v) ? v : Object.values(v)
  return children.reduce<number>((m, c) => Math.max(m, deepestHolding(c, depth + 1)), children.length > 0 ? depth : -1)
}

describe("JsonText.parse (property)", () => {
  it("gives back every value JSON.parse gives, whatever its keys, and shows no identity number when it refuses", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 600 }), (v, wrap) => {
        // Wrapped in `wrap` lists: refused exactly when something stands deeper than 512.
        const text = `${"[".repeat(wrap)}${JSON.stringify(v)}${"]".repeat(wrap)}`
        const r = JsonText.parse(text)
        const tooDeep = Math.max(wrap - 1, deepestHolding(v, wrap)) >= 512
        expect(r.ok).toBe(!tooDeep)
        if (r.ok) expect(r.value).toEqual(JSON.parse(text))
        else expect(Redact.containsNationalId(`${r.message.en} ${r.message.nb}`)).toBe(false)
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    )
  })
})

// JsonText.parseUtf8 on the same crafted files as bytes, written with
// non-ASCII keys and values (each run becomes \uXXXX escapes inside the
// parser's one-byte string), and with bytes no UTF-8 allows.
describe("JsonText.parseUtf8, hostile", () => {
  const encode = (s: string) => new TextEncoder().encode(s)

  it.each(["__proto__", "constructor", "prøve–nøkkel", "01019012345", "\u{1f600}"])(
    "takes %s as a key at any depth up to 512 and refuses it at 513, prototypes untouched",
    (k) => {
      const ok = JsonText.parseUtf8(encode(nested(512, k, '"01019012345 – ø"')))
      expect(ok.ok).toBe(true)
      const deep = JsonText.parseUtf8(encode(nested(513, k, '"01019012345 – ø"')))
      expect(deep).toEqual(JsonText.parse(nested(513, k, '"01019012345 – ø"')))
      expect(Object.keys(Object.prototype)).toEqual([])
    },
  )

  it("keeps a __proto__ key written with escapes or non-ASCII around it as a plain key", () => {
    for (const text of ['{"__proto__": {"x": "ø"}}', '{"\\u005f_proto__": "–"}', '{"ø": 1, "__proto__": []}']) {
      const r = JsonText.parseUtf8(encode(text))
      expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype)
      expect(r.ok && r.value).toEqual(JSON.parse(text))
    }
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  it("gives parse's answer for bytes no UTF-8 allows, inside strings and out, and shows no identity number", () => {
    const cases = [
      [0x22, 0xff, 0xfe, 0x22],
      [0x5b, 0x22, 0x5c, 0xc3, 0xb8, 0x22, 0x5d],
      [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x3a, 0x31, 0x7d],
      [0xef, 0xbb, 0xbf, 0x5b, 0x5d],
      [...encode('"01019012345'), 0xc3],
      [...encode('{"a": 01019012345 '), 0xe2, 0x80, 0x93, 0x7d],
    ]
    for (const c of cases) {
      const bytes = Uint8Array.from(c)
      const r = JsonText.parseUtf8(bytes)
      const want = JsonText.parse(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes))
      expect(r.ok).toBe(want.ok)
      if (r.ok && want.ok) expect(r.value).toEqual(want.value)
      else expect(r).toEqual(want)
      if (!r.ok) expect(Redact.containsNationalId(`${r.message.en} ${r.message.nb}`)).toBe(false)
    }
  })
})

describe("JsonText.parseUtf8 (property)", () => {
  it("gives parse's answer for the file's bytes, whatever its keys and nesting, and shows no identity number when it refuses", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 600 }), (v, wrap) => {
        const text = `${"[".repeat(wrap)}${JSON.stringify(v)}${"]".repeat(wrap)}`
        const a = JsonText.parseUtf8(new TextEncoder().encode(text))
        const b = JsonText.parse(text)
        expect(a.ok).toBe(b.ok)
        // toEqual: toStrictEqual reads an own "constructor" key as the type.
        if (a.ok && b.ok) expect(a.value).toEqual(b.value)
        else {
          expect(a).toEqual(b)
          if (!a.ok) expect(Redact.containsNationalId(`${a.message.en} ${a.message.nb}`)).toBe(false)
        }
        expect(Object.keys(Object.prototype)).toEqual([])
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    )
  })
})
