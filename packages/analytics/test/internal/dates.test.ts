// Date keys and memoised date parts against the plain reading of the text.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DateParts, isoKey } from "../../src/internal/dates.js"
import { naiveParts } from "../tables/reference.js"

const digit = fc.integer({ min: 0, max: 9 }).map(String)
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""))
// Texts shaped YYYY-MM-DD, whether or not a calendar date.
const shaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`)
const near = fc.constantFrom("2024-02-29", "2023-02-29", "2024-12-31", "2025-01-01", "2024-00-10", "2024-13-01")
// A shaped text with one digit swapped for another character.
const spoiled = fc
  .tuple(shaped, fc.constantFrom(0, 1, 2, 3, 5, 6, 8, 9), fc.constantFrom("/", ":", " ", "-", ".", "a", "\u0660"))
  .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1))
const other = fc.oneof(
  spoiled,
  fc.string({ maxLength: 12 }),
  shaped.map((s) => s.replace("-", "/")),
  shaped.map((s) => `${s} `),
  shaped.map((s) => s.slice(1)),
  fc.constantFrom("2024-1-01", "2024-01-0a", "2024-01-0:", "2024-01-0/", "+024-01-01", "٢٠٢٤-01-01"),
)

describe("isoKey", () => {
  it("is the digits of a text shaped YYYY-MM-DD as one number (property)", () => {
    fc.assert(
      fc.property(shaped, (s) => {
        expect(isoKey(s)).toBe(Number(s.replaceAll("-", "")))
      }),
    )
  })

  it("orders two shaped texts as the texts compare (property)", () => {
    fc.assert(
      fc.property(fc.oneof(shaped, near), fc.oneof(shaped, near), (a, b) => {
        expect(Math.sign(isoKey(a) - isoKey(b))).toBe(a < b ? -1 : a > b ? 1 : 0)
      }),
    )
  })

  it("is -1 for any other text and for what is no text (property)", () => {
    fc.assert(
      fc.property(other, (s) => {
        if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) expect(isoKey(s)).toBe(-1)
      }),
      { numRuns: 2000 },
    )
    for (const u of [undefined, null, 20240101, { length: 10 }, ["2024-01-01"]]) expect(isoKey(u)).toBe(-1)
  })
})

describe("DateParts", () => {
  it("gives each date's parts, or refuses it, as the plain reading does, in any order and repeated (property)", () => {
    const outcome = (f: () => unknown) => {
      try {
        return { ok: f() }
      } catch (e) {
        return { error: (e as { text?: unknown }).text }
      }
    }
    fc.assert(
      fc.property(fc.array(fc.oneof(near, shaped, other), { maxLength: 30 }), (texts) => {
        const parts = new DateParts()
        // Each text twice in a row and again later: the one-entry memo and the map.
        for (const t of [...texts, ...texts.flatMap((x) => [x, x])])
          expect(outcome(() => ({ ...parts.parts(t) }))).toEqual(outcome(() => naiveParts(t)))
      }),
    )
  })
})
