// Hostile records through Batch.decode's `fromJson` path, which returns a
// valid parsed record as it is instead of copying it. Property: for any
// JSON text of records (valid enrollments, and ones with `__proto__`,
// `constructor` or extra keys, wrong types, identity numbers in fields),
// valid + rejected = input, the result is the same as without the option
// (the same valid records and the same rejected indices and problems), no
// message shows an identity number, and Object.prototype is untouched.
// A corpus of fixed hostile records comes first.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Batch, Enrollment } from "../../src/index.js"

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const FNRS = ["01019012345", "010190 12345", "31129956715", "010190/12345", "010190 / 12345"]
// "~1" is how a pointer writes the "/" of a key.
const fnr = /\d{6}(?:[ -]| ?(?:\/|~1) ?)?\d{5}/u

const valid = {
  id: "n-1",
  citizenId: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  offeringId: "turgruppe",
  start: "2024-01-08",
  status: "ongoing",
}

const corpus: ReadonlyArray<string> = [
  JSON.stringify(valid),
  '{"__proto__":{"polluted":1},"id":"n-2","citizenId":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","offeringId":"turgruppe","start":"2024-01-08","status":"ongoing"}',
  `{"constructor":{"prototype":{"polluted":1}},${JSON.stringify(valid).slice(1)}`,
  JSON.stringify({ ...valid, citizenId: "01019012345" }),
  JSON.stringify({ ...valid, id: "010190 12345", start: "2024-02-30" }),
  JSON.stringify({ ...valid, extra: "31129956715" }),
  JSON.stringify({ ...valid, extra: "010190/12345" }),
  JSON.stringify({ ...valid, "010190/12345": 1, start: "010190 / 12345" }),
  JSON.stringify({ ...valid, status: ["ongoing"] }),
  "null",
  "[]",
  '"01019012345"',
]

const decodeBoth = (records: ReadonlyArray<unknown>) => ({
  copied: Batch.decode(Enrollment.Enrollment, records),
  reused: Batch.decode(Enrollment.Enrollment, records, { fromJson: true }),
})

const check = (text: string): void => {
  const records = JSON.parse(text) as Array<unknown>
  const { copied, reused } = decodeBoth(records)
  expect(reused.valid.length + reused.rejected.length).toBe(records.length)
  expect(reused.valid).toEqual(copied.valid)
  expect(reused.rejected.map((r) => [r.index, r.problems])).toEqual(copied.rejected.map((r) => [r.index, r.problems]))
  for (const r of reused.rejected)
    for (const p of r.problems) {
      expect(p.message.en).not.toMatch(fnr)
      expect(p.message.nb).not.toMatch(fnr)
      expect(p.pointer).not.toMatch(fnr)
    }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getPrototypeOf(Object.prototype)).toBeNull()
}

describe("Batch.decode with fromJson on hostile records", () => {
  it.each(corpus)("keeps valid + rejected = input and matches the copying path: %s", (record) => {
    check(`[${record}]`)
  })

  it("keeps valid + rejected = input and matches the copying path on random records (property)", () => {
    const field = fc.oneof(
      fc.constantFrom("n-1", "turgruppe", "2024-01-08", "ongoing", "completed", ...FNRS),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.constantFrom("a", ...FNRS), { maxLength: 2 }),
    )
    const key = fc.constantFrom(
      "id",
      "citizenId",
      "offeringId",
      "start",
      "status",
      "end",
      "__proto__",
      "constructor",
      "prototype",
      "extra",
    )
    const record = fc.oneof(
      fc.constant(valid),
      fc.record({ base: fc.constant(valid), changes: fc.array(fc.tuple(key, field), { maxLength: 3 }) }).map(
        // Built as JSON text, so that "__proto__" is an own key as JSON.parse makes it.
        ({ base, changes }) =>
          `{${[...Object.entries(base), ...changes]
            .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
            .join(",")}}`,
      ),
      field,
    )
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), (records) => {
        check(`[${records.map((r) => (typeof r === "string" && r.startsWith("{") ? r : JSON.stringify(r))).join(",")}]`)
      }),
      { numRuns: runs },
    )
  })
})
