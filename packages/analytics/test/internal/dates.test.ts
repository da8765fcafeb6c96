// Memoised date parts against the plain reading of the text.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DateParts } from "../../src/internal/dates.js"
import { naiveParts } from "../tables/reference.js"

// Texts shaped YYYY-MM-DD (calendar dates or not), near misses, and any text.
const text = fc.oneof(
  fc.constantFrom("2024-02-29", "2023-02-29", "2024-12-31", "2025-01-01", "2024-00-10", "2024-13-01"),
  fc.constantFrom("2024-1-01", "2024-01-01 ", "+024-01-01", "٢٠٢٤-01-01", "2024/01/01"),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => {
    const s = String(n).padStart(8, "0")
    return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`
  }),
  fc.string({ maxLength: 12 }),
)

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
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const parts = new DateParts()
        // Each text twice in a row and again later: the one-entry memo and the map.
        for (const t of [...texts, ...texts.flatMap((x) => [x, x])])
          expect(outcome(() => ({ ...parts.parts(t) }))).toEqual(outcome(() => naiveParts(t)))
      }),
    )
  })
})
