// The id tests loop over characters instead of running the schemas' patterns;
// they must accept exactly what the patterns accept.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { isPseudonymText, isRecordId } from "../../src/internal/idText.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const idPattern = /^[A-Za-z0-9_.:-]{1,64}$/u
const pseudonymPattern = /^[0-9a-f]{32}$/u

// Texts near the edges: the characters around each class boundary, any code unit, and lengths around the limits.
const near = fc.constantFrom(..."/09:;@AZ[`az{_-.,\u00e5\u0660\ud83d\ude00 \n".split(""), "\ud83d")
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength, unit: near }),
    fc.string({ maxLength, unit: "binary" }),
    fc.string({ minLength: 30, maxLength: 70, unit: fc.constantFrom("a", "f", "0", "9", "g", "A") }),
  )

describe("isRecordId", () => {
  it("accepts what /^[A-Za-z0-9_.:-]{1,64}$/u accepts (property)", () => {
    fc.assert(
      fc.property(text(70), (s) => {
        expect(isRecordId(s)).toBe(idPattern.test(s))
      }),
      { numRuns: runs },
    )
    for (const s of ["", "a", "a".repeat(64), "a".repeat(65), "n-2024-00001", "x:y.z_w", "a\n", "\u00e5"])
      expect(isRecordId(s)).toBe(idPattern.test(s))
  })
})

describe("isPseudonymText", () => {
  it("accepts what /^[0-9a-f]{32}$/u accepts (property)", () => {
    fc.assert(
      fc.property(text(40), (s) => {
        expect(isPseudonymText(s)).toBe(pseudonymPattern.test(s))
      }),
      { numRuns: runs },
    )
    for (const s of [
      "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
      "0".repeat(31),
      "0".repeat(33),
    ])
      expect(isPseudonymText(s)).toBe(pseudonymPattern.test(s))
  })
})
