// JsonText.parse on crafted and arbitrary JSON: the depth check that now
// walks parsed values with for-in must see "__proto__" and "constructor"
// keys as plain data, refuse only what is nested past 512, and never let an
// identity number into its message.
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
