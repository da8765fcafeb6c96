// A dataset JSON file's `municipality`, crafted: any JSON value, texts
// holding identity numbers, prototype names, objects with __proto__ keys,
// beside records some of which are broken (an identity number where a
// pseudonym belongs). The file is taken exactly when the value is four
// digits as text; otherwise it is refused at /municipality. Either way no
// message shows an identity number, every record is valid or rejected
// (valid + rejected = input), and no prototype changes (the setup file
// checks that after every test file).
import { Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { readDatasetText } from "../../src/node/dataset.js"
import { policy } from "../fixturePolicy.js"

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const year = generate({ policy, seed: 4, citizens: 12, year: 2024 })
const ids = ["01019012345", "010190 12345", "010190-12345"]

const municipality = fc.oneof(
  fc.stringMatching(/^[0-9]{4}$/u),
  fc.constantFrom(...ids, "__proto__", "constructor", "1108\n", " 1108", "0301"),
  fc.jsonValue(),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}}') as unknown),
)

// The year's attendance with some records broken: an identity number as the citizen.
const broken = fc.uniqueArray(fc.nat(year.attendance.length - 1), { maxLength: 8 })

const corpus: ReadonlyArray<unknown> = [...ids, "__proto__", 1108, "108", "11080", null, ["1108"], { nb: "1108" }]

const read = (m: unknown, breaks: ReadonlyArray<number>) => {
  const attendance = year.attendance.map((a, i) => (breaks.includes(i) ? { ...a, citizenId: ids[0] } : a))
  const text = JSON.stringify({ ...year, municipality: m, attendance })
  try {
    return { ok: readDatasetText(text, "år.json") } as const
  } catch (e) {
    return { error: e as Error } as const
  }
}

const check = (m: unknown, breaks: ReadonlyArray<number>) => {
  const r = read(m, breaks)
  const valid = typeof m === "string" && /^[0-9]{4}$/u.test(m)
  if ("error" in r) {
    expect(valid, String(r.error.message)).toBe(false)
    expect(r.error.message).toMatch(/\/municipality: expected a municipality number of four digits as text/u)
    expect(Redact.containsNationalId(r.error.message)).toBe(false)
    return
  }
  expect(valid).toBe(true)
  expect(r.ok.municipality).toBe(m)
  for (const e of r.ok.reads) expect(e.valid.length + e.rejected.length).toBe(e.total)
  const attendance = r.ok.reads.find((e) => e.entity === "attendance")!
  expect(attendance.total).toBe(year.attendance.length)
  expect(attendance.rejected.map((x) => x.index).sort((a, b) => a - b)).toEqual([...breaks].sort((a, b) => a - b))
  expect(Redact.containsNationalId(JSON.stringify(attendance.rejected.map((x) => x.problems)))).toBe(false)
}

describe("a dataset file's municipality, crafted", () => {
  it("refuses each case of the corpus at /municipality, showing no identity number", () => {
    for (const m of corpus) check(m, [0])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("takes a file exactly when its municipality is four digits, losing no record (property)", () => {
    fc.assert(
      fc.property(municipality, broken, (m, breaks) => check(m, breaks)),
      { numRuns: runs },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
